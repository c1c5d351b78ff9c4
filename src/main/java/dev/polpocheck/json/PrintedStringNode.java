package dev.polpocheck.json;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.node.StringNode;

/**
 * A JSON string node that prints its JSON form ({@link #toString()}) with jackson-core's string
 * encoder instead of Jackson databind's node serializer.
 *
 * <p>Why: networknt's {@code EnumValidator} calls {@code toString()} on every string of every
 * {@code enum} while it compiles a schema, and the first such call builds Jackson's shared
 * {@code JsonMapper} (annotation introspection, serializer factories): a fifth of the CPU of a
 * one-file {@code validate} run (reports/validate-startup.md, third pass). The printed form is
 * the same: {@code PrintedStringNodeProperties} compares it with {@link StringNode#toString()}.
 */
final class PrintedStringNode extends StringNode {
  private static final long serialVersionUID = 1L;

  PrintedStringNode(String value) {
    super(value);
  }

  @Override
  public String toString() {
    StringBuilder json = new StringBuilder(_value.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(_value, json);
    return json.append('"').toString();
  }
}
