package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code polpo-check cost} end to end, as a user runs it: the table, the JSON result (valid against
 * {@code schemas/result.schema.json}) and the CSV agree on hand-worked numbers; bad flags exit 2,
 * missing files and strict bad records exit 3 with one line naming file:line.
 */
class CostCommandTest {
  @TempDir Path tmp;

  // Sonnet 4.5: 1,000 in x $3/M = 0.003; 2,000 out x $15/M = 0.03; 10,000 unsplit writes at
  // share 0.8 = 8,000 x $6/M + 2,000 x $3.75/M = 0.048 + 0.0075; 100,000 reads x $0.30/M = 0.03
  // -> 0.1185. Recorded 0.1 -> difference 0.0185.
  private static final String LINE_A =
      "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s1\",\"agent\":\"coder\","
          + "\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input\":1000,\"output\":2000,\"cacheRead\":100000,"
          + "\"cacheWrite\":10000,\"cost\":{\"total\":0.1}}}";
  // Haiku 4.5 on the next day: 1,000,000 in x $1/M = 1.00
  private static final String LINE_B =
      "{\"timestamp\":\"2026-11-21T09:00:00Z\",\"session\":\"s2\",\"agent\":\"coder\","
          + "\"model\":\"claude-haiku-4-5\",\"usage\":{\"input\":1000000,\"output\":0}}";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path trace(String... lines) throws Exception {
    Path f = tmp.resolve("run.jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  @Test
  void text_showsDaysTotalsCatalogAndAssumption() throws Exception {
    Run r = run("cost", trace(LINE_A, LINE_B).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2026-11-20"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("TOTAL") && l.contains("1.12")), r.out());
    // the default catalog is two catalogs with their own dates (anthropic.json, deepseek.json)
    assertTrue(
        r.out()
            .contains(
                "prices: list (anthropic effective 2026-12-04, deepseek effective 2026-04-01)"),
        r.out());
    assertTrue(
        r.out().contains("assumed 1-hour share of unsplit cache writes (\"cache write ?\"): 0.8"),
        r.out());
    assertTrue(
        r.out().contains("records: 2 read, 2 priced, 0 unpriced, 0 skipped, 0 deduplicated"),
        r.out());
  }

  @Test
  void json_matchesTheResultSchema_andCarriesExactDecimals() throws Exception {
    Run r = run("cost", trace(LINE_A, LINE_B).toString(), "--by", "day", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(
                    Path.of(
                        System.getProperty("polpocheck.basedir", "."),
                        "schemas",
                        "result.schema.json")));
    assertEquals(List.of(), schema.validate(j));
    assertEquals("cost", j.path("command").asString());
    assertEquals("0.1185", j.at("/cost/rows/0/costUsd/total").decimalValue().toPlainString());
    assertEquals(
        "0.0185", j.at("/cost/rows/0/recorded/differenceUsd").decimalValue().toPlainString());
    assertTrue(j.at("/cost/rows/1/recorded").isNull());
    assertEquals("1.1185", j.at("/cost/total/costUsd/total").decimalValue().toPlainString());
    assertEquals(10_000, j.at("/cost/rows/0/tokens/cacheWriteUnsplit").longValue());
    assertEquals("0.8", j.at("/assumptions/assumed1hShare").decimalValue().toPlainString());
    assertEquals(2, j.at("/inputs/records/priced").longValue());
  }

  @Test
  void json_isByteIdenticalAcrossRunsAndThreadCounts() throws Exception {
    Path f = trace(LINE_A, LINE_B);
    assertEquals(
        run("cost", f.toString(), "--format", "json", "--threads", "1").out(),
        run("cost", f.toString(), "--format", "json", "--threads", "3").out());
  }

  @Test
  void csv_hasHeaderRowsAndTotal_withTheAssumedShareApplied() throws Exception {
    Run r =
        run(
            "cost",
            trace(LINE_A, LINE_B).toString(),
            "--by",
            "session",
            "--format",
            "csv",
            "--assume-1h-share",
            "0");
    assertEquals(0, r.code(), r.err());
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(r.out()))
            .getRecords();
    assertEquals(List.of("s1", "s2", "TOTAL"), rows.stream().map(x -> x.get("key")).toList());
    // share 0: 10,000 writes x $3.75/M = 0.0375 -> 0.003 + 0.03 + 0.0375 + 0.03 = 0.1005
    assertEquals("0.1005", rows.get(0).get("cost_total_usd"));
    assertEquals("0.0375", rows.get(0).get("cost_cache_write_5m_usd"));
    // a composed catalog is dated by its oldest part (deepseek.json, 2026-04-01)
    assertEquals("list@2026-04-01", rows.get(2).get("prices"));
    assertEquals("0", rows.get(2).get("assumed_1h_share"));
  }

  @Test
  void badFlags_exitTwo() throws Exception {
    Path f = trace(LINE_A);
    assertEquals(2, run("cost", f.toString(), "--by", "fortnight").code());
    assertEquals(2, run("cost", f.toString(), "--assume-1h-share", "1.5").code());
    assertEquals(2, run("cost", f.toString(), "--timezone", "Mars/Olympus").code());
    assertEquals(2, run("cost", f.toString(), "--since", "2026-13-01").code());
    assertEquals(2, run("cost", f.toString(), "--format", "xml").code());
    // no TRACES is not a usage error: cost reads the Claude Code folders (TraceSourcesTest)
  }

  @Test
  void missingFileOrCatalogFile_exitThreeWithOneLine() throws Exception {
    Run r = run("cost", tmp.resolve("absent.jsonl").toString());
    assertEquals(3, r.code());
    assertEquals(
        "polpo-check: error: " + tmp.resolve("absent.jsonl") + ": no such file or directory",
        r.err().strip());
    Run p =
        run("cost", trace(LINE_A).toString(), "--prices", tmp.resolve("absent.json").toString());
    assertEquals(3, p.code());
    assertEquals(
        "polpo-check: error: " + tmp.resolve("absent.json") + ": price catalog file not found",
        p.err().strip());
  }

  @Test
  void strict_badRecord_exitsThreeNamingFileAndLine_lenientCountsIt() throws Exception {
    Path f =
        trace(
            LINE_A,
            "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":\"many\",\"output\":1}}");
    Run strict = run("cost", f.toString(), "--strict");
    assertEquals(3, strict.code());
    assertTrue(
        strict.err().startsWith("polpo-check: error: " + f + ":2: input must be a whole number"),
        strict.err());
    Run lenient = run("cost", f.toString());
    assertEquals(0, lenient.code());
    assertTrue(lenient.out().contains("1 skipped"), lenient.out());
    assertTrue(
        lenient.out().contains("warning: " + f + ":2: input must be a whole number"),
        lenient.out());
  }

  @Test
  void blocks_areListedWithStartTimes() throws Exception {
    Run r = run("cost", trace(LINE_A, LINE_B).toString(), "--by", "block");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2026-11-20T10:00:00Z"), r.out());
    assertTrue(r.out().contains("2026-11-21T09:00:00Z"), r.out());
  }
}
