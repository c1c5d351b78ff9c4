package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Protects how the OTLP JSON reader cuts a file into documents: one per line (the collector's file
 * exporter), or one pretty-printed document over many lines, read in time linear in its size, with
 * brackets and quotes inside string values not taken for structure.
 */
class OtlpParserTest {
  private static final Path FILE = Path.of("/export/spans.otlp.json");

  private static FileResult parse(String text) {
    FileResult r = new FileResult(FILE.toString());
    try {
      new OtlpParser()
          .parse(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  /** One GenAI span, pretty-printed one attribute per line (about 12 lines). */
  private static String span(int i, String conversation) {
    return "{\n"
        + "  \"traceId\": \"t\",\n"
        + "  \"spanId\": \"s"
        + i
        + "\",\n"
        + "  \"startTimeUnixNano\": \"1795766400000000000\",\n"
        + "  \"attributes\": [\n"
        + "    {\"key\": \"gen_ai.request.model\", \"value\": {\"stringValue\": \"claude-opus-4-6\"}},\n"
        + "    {\"key\": \"gen_ai.usage.input_tokens\", \"value\": {\"intValue\": \"100\"}},\n"
        + "    {\"key\": \"gen_ai.usage.output_tokens\", \"value\": {\"intValue\": \"7\"}},\n"
        + "    {\"key\": \"gen_ai.conversation.id\", \"value\": {\"stringValue\": \""
        + conversation
        + "\"}}\n"
        + "  ]\n"
        + "}";
  }

  private static String document(List<String> spans) {
    return "{\n\"resourceSpans\": [\n{\n\"scopeSpans\": [\n{\n\"spans\": [\n"
        + String.join(",\n", spans)
        + "\n]\n}\n]\n}\n]\n}\n";
  }

  /**
   * Found hardening the OTLP reader (#13): it re-parsed the growing document after every line, so
   * a pretty-printed export took time quadratic in its lines (0.5 MB of 18,000 lines: 110 s). 5,000
   * spans of 12 lines each (60,000 lines, about 2 MB) now read in well under the 30 s bound; the
   * quadratic reader needed minutes for a quarter of that.
   */
  @Test
  void parse_prettyPrintedExportOf60000Lines_readsInLinearTime() {
    List<String> spans =
        java.util.stream.IntStream.range(0, 5_000)
            .mapToObj(i -> span(i, "c"))
            .collect(Collectors.toList());
    String doc = document(spans);
    FileResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parse(doc));
    assertEquals(5_000, r.calls.size());
    assertEquals(List.of(), r.problems);
    assertEquals(1, r.calls.get(0).line()); // the document's first line
  }

  @Test
  void parse_bracketsAndEscapedQuotesInsideStrings_areNotStructure() {
    // "]}\"{[" holds a closing bracket pair, an escaped quote and an opening pair: were they
    // counted, the document would look closed too early or never.
    String doc = document(List.of(span(1, "]}\\\"{["), span(2, "x\\\\")));
    FileResult r = parse(doc + doc.replace("\"s1\"", "\"s3\"").replace("\"s2\"", "\"s4\""));
    assertEquals(4, r.calls.size());
    assertEquals(List.of(), r.problems);
    assertEquals("]}\"{[", r.calls.get(0).call().session());
    assertEquals("x\\", r.calls.get(1).call().session());
    // the second document starts on the line after the first one's last
    long firstLines = doc.chars().filter(c -> c == '\n').count();
    assertEquals(firstLines + 1, r.calls.get(2).line());
  }

  @Test
  void parse_jsonLinesWithABadLineBetween_eachLineItsOwnDocument() {
    String line = document(List.of(span(1, "a"))).replace("\n", "");
    String bad = line.replace("\"s1\"", "\"s2\"").replace("\"spans\": [", "\"spans\": [,");
    FileResult r = parse(line + "\n" + bad + "\n" + line.replace("\"s1\"", "\"s3\"") + "\n");
    assertEquals(2, r.calls.size());
    assertEquals(1, r.skipped);
    assertEquals(2, r.problems.get(0).line());
    assertEquals(3, r.calls.get(1).line());
  }

  @Test
  void parse_documentNeverClosed_isOneTruncatedDocument() {
    String doc = document(List.of(span(1, "a")));
    FileResult r = parse(doc.substring(0, doc.length() - 3));
    assertEquals(List.of(), r.calls);
    assertEquals(1, r.skipped);
    assertEquals(
        FILE + ":1: truncated or malformed OTLP JSON document", r.problems.get(0).toString());
  }

  /** One span on one line with the given attributes ({@code "key": value} pairs, value as JSON). */
  private static String line(String spanFields, String... attributes) {
    StringBuilder a = new StringBuilder();
    for (int i = 0; i < attributes.length; i += 2) {
      a.append(a.length() == 0 ? "" : ",")
          .append("{\"key\": \"")
          .append(attributes[i])
          .append("\", \"value\": ")
          .append(attributes[i + 1])
          .append("}");
    }
    return "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{"
        + spanFields
        + (spanFields.isEmpty() ? "" : ", ")
        + "\"attributes\": ["
        + a
        + "]}]}]}]}\n";
  }

  private static String str(String v) {
    return "{\"stringValue\": \"" + v.replace("\"", "\\\"") + "\"}";
  }

  private static String num(String v) {
    return "{\"intValue\": \"" + v + "\"}";
  }

  private static final String TIMES =
      "\"traceId\": \"t1\", \"spanId\": \"s1\", \"startTimeUnixNano\": \"1795766400123999999\","
          + " \"endTimeUnixNano\": \"1795766402000000000\"";

  @Test
  void parse_genAiSpan_cacheCountsArePartsOfTheInput() {
    // OTel GenAI: input 1,000 includes 600 read and 100 written -> 300 uncached
    FileResult r =
        parse(
            line(
                TIMES + ", \"status\": {\"code\": 2}",
                "gen_ai.system", str("anthropic"),
                "gen_ai.request.model", str("claude-opus-4-6"),
                "gen_ai.usage.input_tokens", num("1000"),
                "gen_ai.usage.output_tokens", "{\"intValue\": 40}",
                "gen_ai.usage.cache_read.input_tokens", num("600"),
                "gen_ai.usage.cache_creation.input_tokens", num("100"),
                "gen_ai.conversation.id", str("conv-9"),
                "gen_ai.agent.name", str("reviewer")));
    assertEquals(List.of(), r.problems);
    Call c = r.calls.get(0).call();
    // 1795766400123999999 ns floors to 1795766400123 ms; the span lasts 1,877 ms to ...402000
    assertEquals(
        new Call(
            1_795_766_400_123L, "conv-9", "reviewer", CallerRole.AGENT, "anthropic",
            "claude-opus-4-6", 300, 40, 600, 0, 0, 100, null, CallStatus.ERROR, 1_877, -1, false,
            false, ""),
        c);
  }

  @Test
  void parse_aiSdkSpans_onlyProviderCallsCountAndAnthropicUsageWins() {
    String usage =
        "{\"anthropic\": {\"usage\": {\"input_tokens\": 12, \"output_tokens\": 5,"
            + " \"cache_read_input_tokens\": 900, \"cache_creation\":"
            + " {\"ephemeral_5m_input_tokens\": 30, \"ephemeral_1h_input_tokens\": 70}}}}";
    String text =
        line(
                TIMES.replace("s1", "outer"),
                "ai.operationId", str("ai.streamText"),
                "ai.model.id", str("claude-sonnet-4-5"),
                "ai.usage.inputTokens", num("1012"),
                "ai.usage.outputTokens", num("5"))
            + line(
                TIMES,
                "ai.operationId", str("ai.streamText.doStream"),
                "ai.model.id", str("claude-sonnet-4-5"),
                "ai.model.provider", str("anthropic.messages"),
                "ai.usage.inputTokens", num("1012"),
                "ai.usage.outputTokens", num("5"),
                "ai.response.providerMetadata", str(usage),
                "ai.telemetry.metadata.sessionId", str("run-7"),
                "ai.telemetry.functionId", str("coder"));
    FileResult r = parse(text);
    assertEquals(List.of(), r.problems);
    assertEquals(1, r.calls.size()); // the outer ai.streamText sums its steps: not a call
    Call c = r.calls.get(0).call();
    assertEquals("anthropic", c.provider()); // "anthropic.messages" cut at the dot
    assertEquals("run-7", c.session());
    assertEquals("coder", c.agent());
    // Anthropic's own usage: input_tokens is already the uncached part, with the 5m/1h split
    assertEquals(12, c.inputTokens());
    assertEquals(900, c.cacheReadTokens());
    assertEquals(30, c.cacheWrite5mTokens());
    assertEquals(70, c.cacheWrite1hTokens());
    assertEquals(0, c.cacheWriteUnsplitTokens());
    assertEquals(2, r.calls.get(0).line());
  }

  @Test
  void parse_withoutSessionOrAgent_traceIdThenFileStemAndProviderInferred() {
    FileResult byTrace =
        parse(
            line(
                TIMES,
                "gen_ai.request.model", str("gpt-4o"),
                "gen_ai.usage.input_tokens", num("3"),
                "gen_ai.usage.output_tokens", num("4")));
    Call c = byTrace.calls.get(0).call();
    assertEquals("t1", c.session());
    assertEquals("", c.agent());
    assertEquals("openai", c.provider());
    assertEquals(3, c.inputTokens());
    FileResult byFile =
        parse(
            line(
                "\"startTimeUnixNano\": 1795766400000000000",
                "gen_ai.request.model", str("gpt-4o"),
                "gen_ai.usage.input_tokens", num("3"),
                "gen_ai.usage.output_tokens", num("4")));
    assertEquals("spans.otlp", byFile.calls.get(0).call().session()); // stem drops ".json"
    assertEquals(-1, byFile.calls.get(0).call().latencyMillis()); // no end time
  }

  @Test
  void parse_badSpans_skippedWithReasonOthersRead() {
    String model = "gen_ai.request.model";
    String in = "gen_ai.usage.input_tokens";
    String out = "gen_ai.usage.output_tokens";
    String text =
        line(TIMES, in, num("1"), out, num("1")) // no model
            + line(TIMES, model, str("m"), in, num("1")) // input without output: skipped, usage is incomplete
            + line(TIMES, model, str("m"), in, num("1.5"), out, num("1"))
            + line(TIMES, model, str("m"), in, num("10"), out, num("1"),
                "gen_ai.usage.cache_read.input_tokens", num("11"))
            + line("\"spanId\": \"x\", \"startTimeUnixNano\": \"0\"", model, str("m"), in,
                num("1"), out, num("1"))
            + line("\"spanId\": \"y\", \"startTimeUnixNano\": \"1e999999999\"", model,
                str("m"), in, num("1"), out, num("1"))
            + line(TIMES, model, str("m"), in, num("1000000001"), out, num("1"));
    FileResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(text));
    assertEquals(List.of(), r.calls);
    assertEquals(
        List.of(
            "1: span s1: no model (gen_ai.request.model, ai.model.id)",
            "2: span s1: usage lacks input or output tokens",
            "3: span s1: gen_ai.usage.input_tokens must be a whole number >= 0, found a string",
            "4: span s1: gen_ai.usage.input_tokens 10 is less than its cache reads + writes 11"
                + " (under the OTel conventions they are part of it)",
            "5: span x: startTimeUnixNano must be a positive number of nanoseconds",
            "6: span y: startTimeUnixNano is out of range",
            "7: span s1: gen_ai.usage.input_tokens is above 1000000000 tokens, more than any call"
                + " can hold"),
        r.problems.stream().map(p -> p.line() + ": " + p.message()).collect(Collectors.toList()));
  }

  private static List<String> problems(FileResult r) {
    return r.problems.stream().map(p -> p.line() + ": " + p.message()).collect(Collectors.toList());
  }

  private static final String MODEL = "gen_ai.request.model";
  private static final String IN = "gen_ai.usage.input_tokens";
  private static final String OUT = "gen_ai.usage.output_tokens";

  @Test
  void parse_blankLinesBetweenJsonLines_areNotDocuments_andEveryBadDocumentIsARecord() {
    String ok = line(TIMES, MODEL, str("m"), IN, num("1"), OUT, num("1"));
    // line 1 blank, 2 a span, 3 blank, 4 an array, 5 a cut line, 6 a span, 7 an unclosed document
    String ok2 = ok.replace("\"s1\"", "\"s2\"");
    FileResult r = parse("\n" + ok + "\n[1]\n{\"resourceSpans\": 1,}\n" + ok2 + "{\"resourceSpans\": [");
    List<String> p = problems(r);
    assertEquals(3, p.size(), p.toString());
    assertEquals("4: valid JSON but not an OTLP export object", p.get(0));
    // {"resourceSpans": 1,} : the '}' after the comma is character 21; the reason follows
    assertTrue(
        p.get(1).startsWith(
            "5: malformed OTLP JSON line at column 21: Unexpected character ('}' (code 125))"),
        p.get(1));
    assertEquals("7: truncated or malformed OTLP JSON document", p.get(2));
    assertEquals(2, r.calls.size());
    assertEquals(List.of(2L, 6L), r.calls.stream().map(ParsedCall::line).toList());
    // two calls, the cut line and the unclosed document; the array is no record
    assertEquals(4, r.records);
    assertEquals(2, r.skipped);
  }

  @Test
  void parse_spansWithOnlyOneSideOfUsage_areBadCalls_spansWithoutUsageAreNoCalls() {
    String text =
        line(TIMES, MODEL, str("m"), OUT, num("1")) // output only: a call missing its input
            // AI SDK v4 names: promptTokens / completionTokens
            + line(TIMES, "ai.model.id", str("claude-haiku-4-5"), "ai.usage.promptTokens",
                num("12"), "ai.usage.completionTokens", num("3"))
            + line(TIMES, MODEL, str("m"), "gen_ai.operation.name", str("chat")); // no usage
    FileResult r = parse(text);
    assertEquals(List.of("1: span s1: usage lacks input or output tokens"), problems(r));
    assertEquals(2, r.records, "the span without usage is not a record");
    assertEquals(1, r.calls.size());
    assertEquals(12, r.calls.get(0).call().inputTokens());
    assertEquals(3, r.calls.get(0).call().outputTokens());
  }

  @Test
  void parse_providerAttributeWinsOverInference_aLeadingDotIsNoSuffix() {
    FileResult r =
        parse(
            line(TIMES, "gen_ai.system", str("aws.bedrock"), MODEL, str("claude-sonnet-4-5"),
                IN, num("1"), OUT, num("1"))
                + line(TIMES.replace("s1", "s2"), "gen_ai.system", str(".messages"), MODEL, str("claude-sonnet-4-5"),
                    IN, num("1"), OUT, num("1")));
    // "aws.bedrock" -> "aws" (the part before the dot), not "anthropic" inferred from claude-
    assertEquals("aws", r.calls.get(0).call().provider());
    assertEquals(".messages", r.calls.get(1).call().provider());
  }

  @Test
  void parse_spansWithoutSpanId_areNeverMerged() {
    String noId = "\"traceId\": \"t1\", \"startTimeUnixNano\": \"1795766400000000000\"";
    FileResult r =
        parse(
            line(noId, MODEL, str("m"), IN, num("5"), OUT, num("1"))
                + line(noId, MODEL, str("m"), IN, num("5"), OUT, num("1")));
    assertEquals(2, r.calls.size());
    assertEquals(0, r.deduplicated);
  }

  @Test
  void parse_countsAtTheirBounds_zeroTokensAndCachePartsEqualToTheInput() {
    String text =
        // 100 input = 60 read + 40 written: 0 uncached
        line(TIMES, MODEL, str("m"), IN, num("100"), OUT, num("0"),
            "gen_ai.usage.cache_read.input_tokens", num("60"),
            "gen_ai.usage.cache_creation.input_tokens", num("40"))
            // 50 < 30 + 30
            + line(TIMES, MODEL, str("m"), IN, num("50"), OUT, num("1"),
                "gen_ai.usage.cache_read.input_tokens", num("30"),
                "gen_ai.usage.cache_creation.input_tokens", num("30"));
    FileResult r = parse(text);
    assertEquals(
        List.of("2: span s1: gen_ai.usage.input_tokens 50 is less than its cache reads + writes 60"
            + " (under the OTel conventions they are part of it)"),
        problems(r));
    Call c = r.calls.get(0).call();
    assertEquals(List.of(0L, 0L, 60L, 40L),
        List.of(c.inputTokens(), c.outputTokens(), c.cacheReadTokens(), c.cacheWriteTokens()));
  }

  @Test
  void parse_startTimes_21DigitNanosAreInRange_andBelowOneNanosecondIsTheEpoch() {
    String text =
        // 10^20 ns = 10^14 ms (the year 5138)
        line("\"spanId\": \"a\", \"startTimeUnixNano\": \"100000000000000000000\"", MODEL,
            str("m"), IN, num("1"), OUT, num("1"))
            // 10^-999999999 ns: positive, floors to 0 ms without computing a billion-digit power
            + line("\"spanId\": \"b\", \"startTimeUnixNano\": \"1e-999999999\"", MODEL,
                str("m"), IN, num("1"), OUT, num("1"));
    FileResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(text));
    assertEquals(List.of(), problems(r));
    assertEquals(100_000_000_000_000L, r.calls.get(0).call().timestampMillis());
    assertEquals(0L, r.calls.get(1).call().timestampMillis());
  }

  @Test
  void parse_lineAboveTheCap_isOneSkippedRecordAndTheNextLineIsRead() throws IOException {
    byte[] tail =
        ("\n" + line(TIMES, MODEL, str("m"), IN, num("1"), OUT, num("1")))
            .getBytes(StandardCharsets.UTF_8);
    FileResult r = new FileResult(FILE.toString());
    new OtlpParser().parse(FILE, new OverlongLine((64L << 20) + 1, tail), r);
    assertEquals(List.of("1: line longer than 64 MiB skipped"), problems(r));
    assertEquals(2, r.records);
    assertEquals(1, r.calls.size());
  }
}
