package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Protects the mini-swe-agent trajectory reader field by field on hand-made trajectories: the two
 * usage dialects (DeepSeek's hit/miss counts, OpenAI's prompt minus cached), provider from the
 * {@code provider/model} prefix or inferred, epoch seconds and recorded USD converted exactly, the
 * session {@code <folder>/<instance_id>}, every reason a response is skipped with its message
 * line, and the calls {@code api_calls} counts beyond the responses with usage.
 */
class MiniSweParserTest {
  private static final Path FILE = Path.of("/runs/r1/django-1.traj.json");

  private static FileResult parse(String json) throws IOException {
    FileResult r = new FileResult(FILE.toString());
    new MiniSweParser()
        .parse(FILE, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), r);
    return r;
  }

  private static List<String> problems(FileResult r) {
    return r.problems.stream().map(p -> p.line() + ": " + p.message()).collect(Collectors.toList());
  }

  private static String assistant(String response, String extra) {
    String fields = response == null ? extra : "\"response\": " + response;
    if (response != null && !extra.isEmpty()) {
      fields += ", " + extra;
    }
    return "{\"role\": \"assistant\", \"content\": \"ls\", \"extra\": {" + fields + "}}";
  }

  @Test
  void parse_bothUsageDialects_exactCallsAndTheUncountedCall() throws IOException {
    String json =
        "{\"instance_id\": \"django__django-11099\",\n"
            + " \"info\": {\"model_stats\": {\"api_calls\": 3, \"instance_cost\": 0.5},"
            + " \"exit_status\": \"Submitted\"},\n"
            + " \"messages\": [\n"
            + "  {\"role\": \"system\", \"content\": \"you are\"},\n"
            + "  "
            + assistant(
                "{\"id\": \"a\", \"model\": \"deepseek/deepseek-chat\", \"usage\":"
                    + " {\"prompt_tokens\": 1000, \"completion_tokens\": 50,"
                    + " \"prompt_cache_hit_tokens\": 600, \"prompt_cache_miss_tokens\": 400}}",
                "\"timestamp\": 1759320000.25, \"cost\": 0.000123")
            + ",\n  "
            + assistant(
                "{\"id\": \"b\", \"model\": \"gpt-4o\", \"usage\": {\"prompt_tokens\": 900,"
                    + " \"completion_tokens\": 20, \"prompt_tokens_details\": {\"cached_tokens\": 300}}}",
                "\"timestamp\": 1759320001")
            + "\n ]}";
    FileResult r = parse(json);
    assertEquals(2, r.calls.size());
    // DeepSeek: miss 400 uncached, hit 600 read; 1759320000.25 s = 1759320000250 ms;
    // 0.000123 USD x 10^12 = 123,000,000 picodollars.
    Call a = r.calls.get(0).call();
    assertEquals(
        new Call(
            1_759_320_000_250L,
            "r1/django__django-11099",
            "mini-swe-agent",
            CallerRole.AGENT,
            "deepseek",
            "deepseek-chat",
            400,
            50,
            600,
            0,
            0,
            0,
            null,
            CallStatus.OK,
            -1,
            123_000_000L,
            false),
        a);
    assertEquals(5, r.calls.get(0).line());
    // OpenAI: 900 prompt - 300 cached = 600 uncached; provider inferred from "gpt-"; no cost.
    Call b = r.calls.get(1).call();
    assertEquals("openai", b.provider());
    assertEquals("gpt-4o", b.model());
    assertEquals(600, b.inputTokens());
    assertEquals(300, b.cacheReadTokens());
    assertEquals(20, b.outputTokens());
    assertEquals(1_759_320_001_000L, b.timestampMillis());
    assertEquals(-1, b.recordedCostPicos());
    // api_calls 3, two responses with usage: one call without usage, at the messages line (3)
    assertEquals(1, r.withoutUsage);
    assertEquals(0, r.skipped);
    assertEquals(
        List.of(
            "3: info.model_stats.api_calls is 3 but 2 responses carry usage: 1 call(s) without"
                + " recorded usage, not priced (exit_status Submitted)"),
        problems(r));
  }

  @Test
  void parse_badResponses_eachSkippedWithItsReasonAndLine() throws IOException {
    String ok = "\"timestamp\": 1759320000";
    String[] messages = {
      assistant("{\"model\": \"m\"}", ok), // 0: no usage
      assistant("{\"usage\": [1]}", ok), // 1: usage not an object
      assistant("{\"usage\": {\"prompt_tokens\": 5}}", ok), // 2: no completion
      assistant("{\"usage\": {\"prompt_tokens\": -5, \"completion_tokens\": 1}}", ok), // 3
      assistant("{\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 1.5}}", ok), // 4
      assistant("{\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 1000000001}}", ok),
      assistant("{\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 1}}", ""), // 6
      assistant("{\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 1}}",
          "\"timestamp\": -1"), // 7: before 1970
      assistant("{\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 1}}",
          "\"timestamp\": \"1759320000\""), // 8: a string
      assistant("{\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 1}}",
          ok + ", \"cost\": 1000000.01"), // 9: above the cap
      "{\"role\": \"user\", \"extra\": {\"response\": {\"usage\": {}}}}", // 10: not assistant
      assistant(null, ok), // 11: no response: a message the agent wrote, not a call
      assistant("null", ok), // 12: null response, the same
    };
    FileResult r = parse("{\"messages\": [\n" + String.join(",\n", messages) + "\n]}");
    assertEquals(List.of(), r.calls);
    assertEquals(10, r.records);
    assertEquals(10, r.skipped);
    String lacks = ".extra.response.usage lacks whole-number completion_tokens and prompt_tokens";
    String ts = ".extra.timestamp (epoch seconds) is missing, not a number or out of range";
    assertEquals(
        List.of(
            "2: messages[0].extra.response has no usage object",
            "3: messages[1].extra.response has no usage object",
            "4: messages[2]" + lacks,
            "5: messages[3]" + lacks,
            "6: messages[4]" + lacks,
            "7: messages[5].extra.response.usage: a token count is above 1000000000 tokens, more"
                + " than any call can hold",
            "8: messages[6]" + ts,
            "9: messages[7]" + ts,
            "10: messages[8]" + ts,
            "11: messages[9].extra.cost is above 1000000 USD"),
        problems(r));
  }

  @Test
  void parse_limitsThemselvesAreAccepted() throws IOException {
    // exactly 10^9 tokens (Fields.MAX_TOKENS), exactly 1,000,000 USD (MAX_RECORDED_USD), epoch 0
    String json =
        "{\"messages\": ["
            + assistant(
                "{\"model\": \"claude-sonnet-4-5\", \"usage\": {\"prompt_tokens\": 1000000000,"
                    + " \"completion_tokens\": 1000000000, \"prompt_cache_hit_tokens\": 0}}",
                "\"timestamp\": 0, \"cost\": 1000000")
            + "]}";
    FileResult r = parse(json);
    assertEquals(List.of(), problems(r));
    Call c = r.calls.get(0).call();
    assertEquals("anthropic", c.provider());
    assertEquals(1_000_000_000L, c.inputTokens());
    assertEquals(1_000_000_000L, c.outputTokens());
    assertEquals(0, c.timestampMillis());
    assertEquals(1_000_000L * 1_000_000_000_000L, c.recordedCostPicos());
  }

  @Test
  void parse_sessionFallsBackToTheFileStemAndIdsCollapseRepeats() throws IOException {
    String usage = "{\"id\": \"%s\", \"model\": \"o3\", \"usage\": {\"prompt_tokens\": 10,"
        + " \"completion_tokens\": 2}}";
    String ts = "\"timestamp\": 1759320000";
    String json =
        "{\"info\": {\"model_stats\": {\"api_calls\": 4.0}},"
            + " \"messages\": ["
            + String.join(
                ",",
                assistant(String.format(usage, "x"), ts),
                assistant(String.format(usage, "x"), ts), // the same response twice
                assistant(String.format(usage, ""), ts),
                assistant(String.format(usage, ""), ts)) // no id: never collapsed
            + "]}";
    FileResult r = parse(json);
    assertEquals(3, r.calls.size());
    assertEquals(1, r.deduplicated);
    assertEquals("r1/django-1", r.calls.get(0).call().session());
    assertEquals("openai", r.calls.get(0).call().provider()); // "o3" is OpenAI's
    assertEquals(10, r.calls.get(0).call().inputTokens()); // no cached count: all uncached
    // api_calls 4.0 is not a whole-number count: no "without usage" claim is made from it
    assertEquals(0, r.withoutUsage);
    assertEquals(List.of(), problems(r));
  }

  @Test
  void parse_callsAsCountedNoMissingCallWithoutExitStatusSuffix() throws IOException {
    String one =
        assistant(
            "{\"usage\": {\"prompt_tokens\": 1, \"completion_tokens\": 1}}",
            "\"timestamp\": 1759320000");
    FileResult equal = parse("{\"info\": {\"model_stats\": {\"api_calls\": 1}}, \"messages\": [" + one + "]}");
    assertEquals(0, equal.withoutUsage);
    assertEquals(List.of(), problems(equal));
    FileResult more =
        parse("{\"messages\": [" + one + "], \"info\": {\"model_stats\": {\"api_calls\": 2}}}");
    assertEquals(1, more.withoutUsage);
    assertEquals(
        List.of(
            "1: info.model_stats.api_calls is 2 but 1 responses carry usage: 1 call(s) without"
                + " recorded usage, not priced"),
        problems(more));
  }

  @Test
  void parse_documentsThatAreNoTrajectory_oneBadRecordEach() throws IOException {
    FileResult array = parse("[]");
    assertEquals(1, array.records);
    assertEquals(
        List.of("1: expected a JSON object (mini-swe-agent trajectory)"), problems(array));
    FileResult other = parse("{\"instance_id\": \"i\", \"info\": {}}");
    assertEquals(1, other.skipped);
    assertEquals(
        List.of("1: no \"messages\" array: not a mini-swe-agent trajectory"), problems(other));
  }
}
