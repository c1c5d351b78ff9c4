package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the mini-swe-agent reader where counts meet their bounds: zero tokens, an explicit
 * DeepSeek miss or hit count against the OpenAI-style prompt and cached counts, the token cap on
 * every count, a {@code provider/model} whose provider part is empty, ids that collapse repeats
 * while id-less responses never do, what {@code api_calls} is compared with (responses whose usage
 * was read, so neither user messages nor skipped responses), and files the JSON parser gives up
 * on. Expected values are read off the trajectories by hand.
 */
class MiniSweParserEdgesTest {
  private static final Path FILE = Path.of("/runs/r1/django-1.traj.json");
  private static final String TS = "\"timestamp\": 1759320000";

  private static FileResult parse(String json) throws IOException {
    return ParserRun.stream(
        new MiniSweParser(), FILE, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> problems(FileResult r) {
    return ParserRun.problems(r);
  }

  private static String assistant(String response, String extra) {
    return "{\"role\": \"assistant\", \"extra\": {\"response\": " + response + ", " + extra + "}}";
  }

  private static String usage(String counts) {
    return "{\"model\": \"deepseek-chat\", \"usage\": {" + counts + "}}";
  }

  private static String trajectory(String... messages) {
    return "{\"messages\": [\n" + String.join(",\n", messages) + "\n]}";
  }

  @Test
  void zeroCounts_areCalls_andExplicitDeepSeekCountsWinOverPromptMinusCached() throws IOException {
    FileResult r =
        parse(
            trajectory(
                // prompt 0, nothing cached: uncached input 0 - 0 = 0; completion 0
                assistant(usage("\"prompt_tokens\": 0, \"completion_tokens\": 0"), TS),
                // miss 0 given: it is the uncached input, not prompt 100 - nothing cached
                assistant(
                    usage("\"prompt_tokens\": 100, \"completion_tokens\": 1,"
                        + " \"prompt_cache_miss_tokens\": 0"),
                    TS),
                // hit 0 given: no cache read, whatever the OpenAI-style details say
                assistant(
                    usage("\"prompt_tokens\": 100, \"completion_tokens\": 1,"
                        + " \"prompt_cache_hit_tokens\": 0,"
                        + " \"prompt_tokens_details\": {\"cached_tokens\": 30}"),
                    TS)));
    assertEquals(List.of(), problems(r));
    assertEquals(3, r.calls.size());
    Call zero = r.calls.get(0).call();
    assertEquals(List.of(0L, 0L, 0L),
        List.of(zero.inputTokens(), zero.outputTokens(), zero.cacheReadTokens()));
    assertEquals(0, r.calls.get(1).call().inputTokens());
    Call hit0 = r.calls.get(2).call();
    assertEquals(0, hit0.cacheReadTokens());
    assertEquals(100, hit0.inputTokens());
  }

  @Test
  void tokenCap_appliesToCacheHitsAndUncachedInputToo() throws IOException {
    String over = ".extra.response.usage: a token count is above 1000000000 tokens, more than any"
        + " call can hold";
    FileResult r =
        parse(
            trajectory(
                assistant(
                    usage("\"prompt_cache_hit_tokens\": 1000000000,"
                        + " \"prompt_cache_miss_tokens\": 1, \"completion_tokens\": 1"),
                    TS),
                assistant(
                    usage("\"prompt_cache_hit_tokens\": 1000000001,"
                        + " \"prompt_cache_miss_tokens\": 1, \"completion_tokens\": 1"),
                    TS),
                assistant(
                    usage("\"prompt_cache_hit_tokens\": 0,"
                        + " \"prompt_cache_miss_tokens\": 1000000001, \"completion_tokens\": 1"),
                    TS)));
    assertEquals(List.of("3: messages[1]" + over, "4: messages[2]" + over), problems(r));
    assertEquals(1_000_000_000L, r.calls.get(0).call().cacheReadTokens());
  }

  @Test
  void modelWithAnEmptyProviderPart_isKeptWhole() throws IOException {
    FileResult r =
        parse(
            trajectory(
                assistant(
                    "{\"model\": \"/deepseek-chat\", \"usage\": {\"prompt_tokens\": 1,"
                        + " \"completion_tokens\": 1}}",
                    TS)));
    // the slash is not a provider separator at position 0: the model is "/deepseek-chat"
    assertEquals("/deepseek-chat", r.calls.get(0).call().model());
  }

  @Test
  void sameIdCollapses_butResponsesWithoutIdNeverDo() throws IOException {
    String x = "{\"id\": \"x\", \"model\": \"o3\", \"usage\": {\"prompt_tokens\": 10,"
        + " \"completion_tokens\": 2}}";
    String none = "{\"model\": \"o3\", \"usage\": {\"prompt_tokens\": 10, \"completion_tokens\": 2}}";
    FileResult r =
        parse(trajectory(assistant(x, TS), assistant(x, TS), assistant(none, TS),
            assistant(none, TS), assistant(none, TS)));
    // x twice is one call; three id-less responses are three
    assertEquals(4, r.calls.size());
    assertEquals(1, r.deduplicated);
  }

  @Test
  void apiCalls_isComparedWithTheResponsesWhoseUsageWasRead() throws IOException {
    String good = usage("\"prompt_tokens\": 1, \"completion_tokens\": 1");
    String json =
        "{\"info\": {\"model_stats\": {\"api_calls\": 7}}, \"messages\": [\n"
            + String.join(
                ",\n",
                assistant(good, TS), // read: 1 response with usage
                "{\"role\": \"user\", \"extra\": {\"response\": " + good + ", " + TS + "}}",
                assistant(usage("\"prompt_tokens\": 1"), TS), // no completion: skipped
                assistant(usage("\"prompt_tokens\": 1, \"completion_tokens\": 1000000001"), TS),
                assistant(good, "\"timestamp\": \"noon\""),
                assistant(good, TS + ", \"cost\": 2000000"),
                // the agent's own message without a response is no call at all
                "{\"role\": \"assistant\", \"content\": \"done\", \"extra\": {" + TS + "}}")
            + "\n]}";
    FileResult r = parse(json);
    assertEquals(1, r.calls.size());
    assertEquals(4, r.skipped);
    // 7 api calls - 1 response read = 6 not priced (the 4 skipped ones among them)
    assertEquals(6, r.withoutUsage);
    assertEquals(
        "1: info.model_stats.api_calls is 7 but 1 responses carry usage: 6 call(s) without"
            + " recorded usage, not priced",
        problems(r).get(4));
  }

  @Test
  void truncatedFile_orANumberBeyondTheParsersLimits_isOneSkippedRecord() throws IOException {
    FileResult cut = parse("{\"messages\": [\n{\"role\": \"assistant\"");
    assertEquals(1, cut.records);
    assertEquals(1, cut.skipped);
    // the end of input is on line 2, where the parser stopped
    assertTrue(problems(cut).get(0).startsWith("2: malformed JSON (truncated file?): "),
        problems(cut).toString());
    FileResult huge =
        parse(trajectory("{\"role\": \"assistant\", \"extra\": {\"timestamp\": 1e9999999999}}"));
    assertEquals(List.of("0: " + Fields.NUMBER_OUT_OF_LIMITS), problems(huge));
    assertEquals(1, huge.records);
    assertEquals(1, huge.skipped);
  }
}
