package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Protects the per-file store rules use to share derived facts (RuleContext.perFile): rules run on
 * the same file see one computation, while another file, or a context on its own, never sees a
 * value derived from a different file.
 */
class RuleContextTest {
  private static final JsonDocument DOC = JsonReader.parse("p.json", "{\"project\": \"x\"}");

  @Test
  void perFile_contextsSharingAStore_computeOnce() {
    Map<String, Object> store = new HashMap<>();
    AtomicInteger computed = new AtomicInteger();
    RuleContext first = new RuleContext(null, "p.json", FileKind.POLPO, DOC).sharing(store);
    RuleContext second = new RuleContext(null, "p.json", FileKind.POLPO, DOC).sharing(store);

    Object a = first.perFile("k", () -> "v" + computed.incrementAndGet());
    Object b = second.perFile("k", () -> "v" + computed.incrementAndGet());

    assertEquals(1, computed.get());
    assertSame(a, b);
  }

  @Test
  void perFile_separateContexts_computeEachTheirOwn() {
    RuleContext first = new RuleContext(null, "a.json", FileKind.POLPO, DOC);
    RuleContext second = new RuleContext(null, "b.json", FileKind.POLPO, DOC);

    assertEquals("a.json", first.perFile("k", first::file));
    assertEquals("b.json", second.perFile("k", second::file));
  }

  @Test
  void perFile_differentKeys_keepDifferentValues() {
    RuleContext ctx = new RuleContext(null, "p.json", FileKind.POLPO, DOC);

    assertEquals("one", ctx.perFile("a", () -> "one"));
    assertEquals("two", ctx.perFile("b", () -> "two"));
    assertEquals("one", ctx.perFile("a", () -> "other"));
  }
}
