package dev.polpocheck.record;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Message Batches, recorded when their results are fetched: a batch's calls are billed at half
 * price and run at Anthropic's convenience, so the creating {@code POST /v1/messages/batches}
 * says nothing about usage, but {@code GET /v1/messages/batches/{id}/results} streams one JSON
 * line per request (https://platform.claude.com/docs/en/api/messages/batches/results) and each
 * {@code succeeded} result carries its Message with model and usage. Each becomes one trace line
 * with {@code batch: true}; {@code errored}, {@code canceled} and {@code expired} results are not
 * billed and not recorded.
 *
 * <p><b>What such a line holds, and its limits.</b> Timestamp: when the results were fetched
 * (the results do not say when each request ran); latency and time to first byte: unknown; session:
 * {@code batch-} and the batch id; agent: unknown (the results do not carry the request's system
 * prompt); profile: the credential of the fetch. Content and {@code custom_id} are never
 * written.
 *
 * <p><b>Fetched twice.</b> A client may fetch the same results again (a retry after a broken
 * download). The results file of an ended batch does not change, so per batch id this remembers
 * how many succeeded results it has recorded and skips that many on the next fetch: a complete
 * second fetch records nothing, a fetch that broke off is completed by the next. The memory is
 * this run's only (a recorder restarted between two fetches records the batch twice) and holds
 * the last {@value #REMEMBERED} batches. Fetches with a {@code Range} header are relayed and not
 * recorded, since they do not start at the first result.
 */
final class BatchResults {
  /** The longest result line read; a Message is far smaller. Longer lines are counted, not read. */
  static final int MAX_LINE = 8 * 1024 * 1024;
  static final int REMEMBERED = 4096;

  private static final Pattern RESULTS_PATH =
      Pattern.compile(".*/v1/messages/batches/([A-Za-z0-9_-]{1,128})/results");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Succeeded results recorded so far, per batch id (least recently fetched dropped first). */
  static final class Ledger {
    private final Map<String, Long> recorded =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
          }
        };

    synchronized long recorded(String batchId) {
      return recorded.getOrDefault(batchId, 0L);
    }

    synchronized void atLeast(String batchId, long n) {
      recorded.merge(batchId, n, Math::max);
    }
  }

  private final String batchId;
  private final Ledger ledger;
  private final long skip;
  private final CallRecord template;
  private final Consumer<CallRecord> emit;
  private final LineSplitter lines = new LineSplitter(MAX_LINE, this::line);
  private long succeeded;

  /**
   * @param template the fetch's start and credential, copied into every recorded result
   * @param emit takes each succeeded result's record
   */
  BatchResults(String batchId, Ledger ledger, CallRecord template, Consumer<CallRecord> emit) {
    this.batchId = batchId;
    this.ledger = ledger;
    this.skip = ledger.recorded(batchId);
    this.template = template;
    this.emit = emit;
  }

  /** The batch id of a results path, or null when the path is not one. */
  static String batchIdOf(String rawPath) {
    Matcher m = RESULTS_PATH.matcher(rawPath);
    return m.matches() ? m.group(1) : null;
  }

  /** Feeds relayed response bytes. */
  void feed(byte[] buf, int off, int n) {
    lines.feed(buf, off, n);
  }

  /** The response ended complete: a last line without a newline is read too. */
  void finish() {
    lines.finish();
  }

  /** Result lines too long to read (relayed, not recorded). */
  long skipped() {
    return lines.skipped();
  }

  private void line(byte[] l, int n) {
    if (n == 0) {
      return;
    }
    JsonNode d;
    try {
      d = JSON.readTree(l, 0, n);
    } catch (JacksonException e) {
      return;
    }
    JsonNode result = d == null ? null : d.get("result");
    if (result == null || !"succeeded".equals(result.path("type").asString(""))) {
      return;
    }
    succeeded++;
    if (succeeded <= skip) {
      return;
    }
    CallRecord rec = template.batchResult(batchId, n);
    rec.usage.readMessage(result.path("message"));
    ledger.atLeast(batchId, succeeded);
    emit.accept(rec);
  }
}
