package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The native trace format a Polpo user emits: the README's example line is valid against {@code
 * schemas/trace.schema.json} and reads into the call it describes; cache retention and the TTL
 * split decide the write kind; inconsistent lines are reported with file:line.
 */
class NativeReaderTest {
  /** The example line of the README (section "cost"). */
  static final String EXAMPLE =
      "{\"timestamp\":\"2026-11-20T10:15:30.120Z\",\"session\":\"run-42\","
          + "\"agent\":\"coder\",\"role\":\"agent\",\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5-20250929\","
          + "\"profile\":\"anthropic:work\",\"status\":\"ok\",\"latencyMs\":5230,\"requestId\":\"req_011CVx\","
          + "\"cacheRetention\":\"short\",\"usage\":{\"input\":1200,\"output\":350,\"cacheRead\":48000,"
          + "\"cacheWrite\":2100,\"totalTokens\":51650,\"cost\":{\"input\":0.0036,\"output\":0.00525,"
          + "\"cacheRead\":0.0144,\"cacheWrite\":0.007875,\"total\":0.031125}}}";

  @TempDir Path tmp;

  private ReadSummary read(List<Call> out, String... lines) throws Exception {
    Path f = tmp.resolve("t.jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return new TraceReader(false, 1).read(List.of(f), out::add);
  }

  @Test
  void readmeExample_isValidAgainstTheSchema() throws Exception {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(
                    Path.of(
                        System.getProperty("polpocheck.basedir", "."),
                        "schemas",
                        "trace.schema.json")));
    assertEquals(List.of(), schema.validate(JsonMapper.builder().build().readTree(EXAMPLE)));
    String readme =
        Files.readString(Path.of(System.getProperty("polpocheck.basedir", "."), "README.md"));
    assertTrue(readme.contains(EXAMPLE), "README shows the example line verbatim");
  }

  @Test
  void readmeExample_readsIntoTheCallItDescribes() throws Exception {
    List<Call> calls = new ArrayList<>();
    ReadSummary s = read(calls, EXAMPLE);
    assertEquals(1L, s.formats().get(TraceFormat.NATIVE));
    Call c = calls.get(0);
    // Python: datetime(2026,11,20,10,15,30,120000,tzinfo=timezone.utc).timestamp()*1000
    assertEquals(1_795_169_730_120L, c.timestampMillis());
    assertEquals("run-42", c.session());
    assertEquals("coder", c.agent());
    assertEquals(1200, c.inputTokens());
    assertEquals(48000, c.cacheReadTokens());
    assertEquals(2100, c.cacheWrite5mTokens(), "cacheRetention short = 5-minute writes");
    assertEquals(31_125_000_000L, c.recordedCostPicos());
    assertEquals("anthropic:work", c.profile());
    assertEquals(5230, c.latencyMillis());
  }

  @Test
  void splitWrites_andLongRetention_andUnsplit_areKeptApart() throws Exception {
    List<Call> calls = new ArrayList<>();
    read(
        calls,
        "{\"timestamp\":1,\"session\":\"s\",\"model\":\"claude-opus-4-6\",\"usage\":{\"input\":1,\"output\":1,\"cacheWrite\":30,\"cacheWrite5m\":10,\"cacheWrite1h\":20}}",
        "{\"timestamp\":2,\"session\":\"s\",\"model\":\"claude-opus-4-6\",\"cacheRetention\":\"long\",\"usage\":{\"input\":1,\"output\":1,\"cacheWrite\":30}}",
        "{\"timestamp\":3,\"session\":\"s\",\"model\":\"claude-opus-4-6\",\"usage\":{\"input\":1,\"output\":1,\"cacheWrite\":30}}");
    assertEquals(List.of(10L, 0L, 0L), calls.stream().map(Call::cacheWrite5mTokens).toList());
    assertEquals(List.of(20L, 30L, 0L), calls.stream().map(Call::cacheWrite1hTokens).toList());
    assertEquals(List.of(0L, 0L, 30L), calls.stream().map(Call::cacheWriteUnsplitTokens).toList());
    assertEquals("anthropic", calls.get(0).provider(), "inferred from the claude- prefix");
  }

  @Test
  void inconsistentOrMistypedLines_areReportedWithFileAndLine() throws Exception {
    List<Call> calls = new ArrayList<>();
    ReadSummary s =
        read(
            calls,
            "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":1,\"output\":1,\"totalTokens\":5}}",
            "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":-1,\"output\":1}}",
            "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"output\":1}}",
            "",
            "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":1,\"output\":1}",
            "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"role\":\"boss\",\"usage\":{\"input\":1,\"output\":1}}");
    assertEquals(0, calls.size());
    assertEquals(5, s.skipped());
    assertEquals(5, s.records());
    List<String> p = s.problems().stream().map(TraceProblem::toString).toList();
    Path f = tmp.resolve("t.jsonl");
    assertEquals(
        f + ":1: usage.totalTokens (5) != input + output + cacheRead + cacheWrite (2)", p.get(0));
    assertEquals(f + ":2: input must not be negative", p.get(1));
    assertEquals(f + ":3: usage.input is required", p.get(2));
    assertTrue(p.get(3).startsWith(f + ":5: malformed JSON"), p.get(3));
    assertEquals(f + ":6: role must be \"agent\" or \"orchestrator\", found \"boss\"", p.get(4));
  }

  @Test
  void sameRequestId_twice_isCountedOnce() throws Exception {
    List<Call> calls = new ArrayList<>();
    String first =
        "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"requestId\":\"r1\",\"usage\":{\"input\":1,\"output\":1}}";
    String second = first.replace("\"output\":1", "\"output\":7");
    ReadSummary s = read(calls, first, second);
    assertEquals(1, calls.size());
    assertEquals(1, s.deduplicated());
    // README "Deduplication": among duplicates in a file the one with more total tokens survives
    // (1 + 7 = 8 > 1 + 1 = 2), whatever its position.
    assertEquals(7, calls.get(0).outputTokens());
  }
}
