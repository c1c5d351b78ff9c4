package dev.polpocheck.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The reader's string nodes print exactly as Jackson's own {@link StringNode} does (the
 * reference: networknt puts that text into its enum messages), and stay equal to it.
 */
class PrintedStringNodeProperties {

  @Property(tries = 500, seed = "20261204")
  void printedForm_anyString_isJacksonsOwn(
      @ForAll
          @CharRange(from = '\u0000', to = '\u00ff')
          @CharRange(from = '\u2000', to = '\u206f')
          @CharRange(from = '\ud800', to = '\udfff')
          @Chars({'"', '\\', '/', '<', '>', '&', '\'', '\u007f'})
          @StringLength(max = 30)
          String value) {
    StringNode reference = StringNode.valueOf(value);
    PrintedStringNode node = new PrintedStringNode(value);
    assertEquals(reference.toString(), node.toString());
    assertTrue(node.equals(reference) && reference.equals(node));
    assertEquals(reference.hashCode(), node.hashCode());
  }

  @Example
  void readerBuildsThem_forEveryStringValue() {
    JsonNode root =
        JsonReader.parse("x.json", "{\"a\": [\"q\\\"/\\n\", \"\"], \"b\": \"\\u0001\"}").root();
    assertEquals("\"q\\\"/\\n\"", root.get("a").get(0).toString());
    assertEquals("\"\"", root.get("a").get(1).toString());
    assertEquals("\"\\u0001\"", root.get("b").toString());
    assertTrue(root.get("b") instanceof PrintedStringNode);
  }
}
