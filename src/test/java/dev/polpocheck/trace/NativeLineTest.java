package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the recorder writes is the native trace format: valid against {@code
 * schemas/trace.schema.json} with every observed field, and read back by the native reader into
 * the very call that was written (split and unsplit cache writes alike).
 */
class NativeLineTest {
  @TempDir Path tmp;

  static Call call(long w5, long w1, long unsplit) {
    return call(w5, w1, unsplit, "");
  }

  static Call call(long w5, long w1, long unsplit, String inferenceGeo) {
    return new Call(1_795_169_730_120L, "conv-1", "sys-0a1b2c3d", CallerRole.AGENT, "anthropic",
        "claude-sonnet-4-5-20250929", 1200, 350, 48000, w5, w1, unsplit, "anthropic:key-0123456789ab",
        CallStatus.OK, 5230, -1, false, true, inferenceGeo);
  }

  static CallObservation seen() {
    TreeMap<String, String> limits = new TreeMap<>();
    limits.put("requests-limit", "4000");
    limits.put("requests-reset", "2026-12-04T05:00:00Z");
    return new CallObservation("req_1", "api-key", 200, null, false, 412, 17, true, "us",
        "standard", 2048, 4096, limits);
  }

  private List<Call> readBack(byte[]... lines) throws Exception {
    Path f = tmp.resolve("t.jsonl");
    StringBuilder sb = new StringBuilder();
    for (byte[] l : lines) {
      sb.append(new String(l, StandardCharsets.UTF_8)).append('\n');
    }
    Files.writeString(f, sb);
    List<Call> out = new ArrayList<>();
    new TraceReader(true, 1).read(List.of(f), out::add);
    return out;
  }

  @Test
  void recordedLine_isValidAgainstTheSchema() throws Exception {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(Path.of(System.getProperty("polpocheck.basedir", "."),
                "schemas", "trace.schema.json")));
    byte[] line = NativeLine.toJson(call(100, 2000, 0), seen());
    assertEquals(List.of(), schema.validate(JsonMapper.builder().build().readTree(line)));
  }

  @Test
  void splitAndUnsplitWrites_readBackIntoTheSameCalls() throws Exception {
    // seen() observed inference_geo "us": the line records it and the reader puts it on the call.
    Call split = call(100, 2000, 0, "us");
    Call unsplit = call(0, 0, 2100);
    List<Call> back = readBack(NativeLine.toJson(split, seen()), NativeLine.toJson(unsplit, null));
    assertEquals(List.of(split, unsplit), back);
  }

  @Test
  void fixedFieldOrder_givesEqualBytesForEqualCalls() {
    String line = new String(NativeLine.toJson(call(100, 2000, 0), seen()), StandardCharsets.UTF_8);
    assertEquals(
        "{\"timestamp\":\"2026-11-20T10:15:30.120Z\",\"session\":\"conv-1\",\"agent\":\"sys-0a1b2c3d\","
            + "\"role\":\"agent\",\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5-20250929\","
            + "\"profile\":\"anthropic:key-0123456789ab\",\"profileType\":\"api-key\",\"status\":\"ok\","
            + "\"httpStatus\":200,\"latencyMs\":5230,\"ttfbMs\":412,\"requestId\":\"req_1\","
            + "\"speed\":\"fast\",\"inferenceGeo\":\"us\",\"serviceTier\":\"standard\",\"retryAfterS\":17,"
            + "\"stream\":true,\"requestBytes\":2048,\"responseBytes\":4096,\"rateLimits\":"
            + "{\"requests-limit\":4000,\"requests-reset\":\"2026-12-04T05:00:00Z\"},"
            + "\"usage\":{\"input\":1200,\"output\":350,\"cacheRead\":48000,\"cacheWrite\":2100,"
            + "\"cacheWrite5m\":100,\"cacheWrite1h\":2000}}",
        line);
  }

  @Test
  void mixedSplitAndUnsplitWrites_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> NativeLine.toJson(call(1, 0, 1), null));
  }

  @Test
  void zeroObservations_areWrittenButNoStatusIsOmitted_andOnlyPlainDigitsOfALongAreNumbers() {
    Call c = new Call(1_795_169_730_120L, "conv-1", "", CallerRole.AGENT, "anthropic", "m", 0, 0,
        0, 0, 0, 0, null, CallStatus.ERROR, 0, -1, false);
    TreeMap<String, String> limits = new TreeMap<>();
    limits.put("k1", "0");
    limits.put("k2", "9");
    limits.put("k3", "123456789012345678"); // 18 digits: fits a long, a number
    limits.put("k4", "1234567890123456789"); // 19 digits: kept as the header's text
    limits.put("k5", "/"); // '/' and ':' are the neighbours of '0' and '9' in ASCII
    limits.put("k6", ":");
    limits.put("k7", "");
    limits.put("k8", "12a");
    // the client never got a status (0): no httpStatus; a latency, ttfb and retry-after of 0 are
    // measurements and are written
    CallObservation seen =
        new CallObservation(null, null, 0, "aborted", true, 0, 0, false, null, null, 0, 0, limits);
    assertEquals(
        "{\"timestamp\":\"2026-11-20T10:15:30.120Z\",\"session\":\"conv-1\",\"role\":\"agent\","
            + "\"provider\":\"anthropic\",\"model\":\"m\",\"status\":\"error\","
            + "\"errorType\":\"aborted\",\"aborted\":true,\"latencyMs\":0,\"ttfbMs\":0,"
            + "\"retryAfterS\":0,\"requestBytes\":0,\"responseBytes\":0,\"rateLimits\":{\"k1\":0,"
            + "\"k2\":9,\"k3\":123456789012345678,\"k4\":\"1234567890123456789\",\"k5\":\"/\","
            + "\"k6\":\":\",\"k7\":\"\",\"k8\":\"12a\"},\"usage\":{\"input\":0,\"output\":0,"
            + "\"cacheRead\":0,\"cacheWrite\":0,\"cacheWrite5m\":0,\"cacheWrite1h\":0}}",
        new String(NativeLine.toJson(c, seen), StandardCharsets.UTF_8));
  }

  @Test
  void unsplitWritesBesideOneHourWritesOnly_areRefusedToo() {
    assertThrows(IllegalArgumentException.class, () -> NativeLine.toJson(call(0, 1, 1), null));
  }

  @Test
  void credentialShapedValues_areMaskedInTheLine_likeEveryOtherOutput() {
    // A key pasted where the model belongs ("model": "$ANTHROPIC_API_KEY") reaches the recorder in
    // the request body; Anthropic answers 404 without a model, so the recorder writes the
    // request's. README: every byte written to an --output file passes the masker.
    String key = "sk-ant-api03-" + "Q7xK2pLmN9vR4tWz".repeat(5) + "-AA";
    String token = "sk-ant-oat01-" + "H3jD8sFq1ZcVb6Ny".repeat(5) + "-BB";
    Call c = new Call(1_795_169_730_120L, token, "sys-" + key, CallerRole.AGENT, "anthropic", key,
        1, 1, 0, 0, 0, 0, "anthropic:" + key, CallStatus.ERROR, 5, -1, false);
    TreeMap<String, String> limits = new TreeMap<>();
    limits.put("requests-reset", token);
    CallObservation seen = new CallObservation(key, "api-key", 404, "not_found_error " + key,
        false, 3, -1, false, key, token, 10, 20, limits);
    String line = new String(NativeLine.toJson(c, seen), StandardCharsets.UTF_8);
    assertFalse(line.contains("Q7xK2pLm"), line);
    assertFalse(line.contains("H3jD8sFq"), line);
    assertTrue(line.contains("\"model\":\"sk-ant-api03-…\""), line);
    assertTrue(line.contains("\"session\":\"sk-ant-oat01-…\""), line);
  }
}
