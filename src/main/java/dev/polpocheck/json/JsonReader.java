package dev.polpocheck.json;

import dev.polpocheck.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON file in one streaming pass into a {@link JsonDocument}: the tree, the position of
 * every key and value, and every duplicate key.
 *
 * <p>The reader accepts exactly what JavaScript's {@code JSON.parse} accepts (no comments, no
 * trailing commas, no single quotes), because that is what Polpo uses. Byte-order marks are
 * stripped and recorded (Node keeps them and {@code JSON.parse} then fails, so callers report
 * them). Bytes that are not UTF-8 are reported at their line and column, found with a strict
 * decoder rather than silently replaced.
 *
 * <p>Error messages describe the problem by kind and never quote the offending token: an unquoted
 * API key pasted into a file must not end up in a CI log.
 */
public final class JsonReader {

  /** Largest file read, in bytes; Polpo configs are a few kilobytes. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  /** Deepest nesting of objects and arrays accepted. */
  public static final int MAX_DEPTH = 256;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH + 8)
                  .maxDocumentLength(MAX_BYTES)
                  .build())
          .build();

  private final String file;
  private final String text;
  private LineMap lines; // built on first use: parseTree needs it only for an error
  private final Map<String, PositionIndex.Entry> index = new LinkedHashMap<>();
  private final List<DuplicateKey> duplicates = new ArrayList<>();
  private JsonParser parser;

  private JsonReader(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /**
   * Reads and parses a file.
   *
   * @param path the file
   * @param displayName how to name it in messages
   * @throws JsonReadException when it cannot be read, decoded or parsed
   */
  public static JsonDocument read(Path path, String displayName) {
    return parse(displayName, readBytes(path, displayName));
  }

  /**
   * Reads a file's bytes after checking that it exists, is a regular file and is not larger than
   * {@link #MAX_BYTES} (checked before reading, so a huge file costs nothing).
   *
   * @throws JsonReadException with reason UNREADABLE or TOO_LARGE
   */
  public static byte[] readBytes(Path path, String displayName) {
    try {
      if (Files.isDirectory(path)) {
        throw new JsonReadException(
            JsonReadException.Reason.UNREADABLE, displayName, 0, 0, "is a directory, not a file");
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new JsonReadException(
            JsonReadException.Reason.TOO_LARGE,
            displayName,
            0,
            0,
            "file is "
                + size / (1024 * 1024)
                + " MiB; polpo-check reads files up to "
                + MAX_BYTES / (1024 * 1024)
                + " MiB (Polpo configs are a few kilobytes)");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new JsonReadException(
          JsonReadException.Reason.UNREADABLE, displayName, 0, 0, "no such file");
    } catch (IOException e) {
      throw new JsonReadException(
          JsonReadException.Reason.UNREADABLE,
          displayName,
          0,
          0,
          "cannot read file: " + IoErrors.why(e));
    }
  }

  /** Parses UTF-8 bytes; see {@link #read}. */
  public static JsonDocument parse(String displayName, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new JsonReadException(
          JsonReadException.Reason.TOO_LARGE,
          displayName,
          0,
          0,
          "input is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new JsonReadException(
          JsonReadException.Reason.ENCODING,
          displayName,
          1,
          1,
          "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }
    boolean bom =
        bytes.length >= 3
            && bytes[0] == (byte) 0xEF
            && bytes[1] == (byte) 0xBB
            && bytes[2] == (byte) 0xBF;
    int start = bom ? 3 : 0;
    String text = decodeUtf8(displayName, bytes, start);
    return new JsonReader(displayName, text).parseDocument(bom);
  }

  /** Parses text that is already decoded; a leading U+FEFF counts as a byte-order mark. */
  public static JsonDocument parse(String displayName, String text) {
    boolean bom = text.startsWith("\uFEFF");
    return new JsonReader(displayName, bom ? text.substring(1) : text).parseDocument(bom);
  }

  /**
   * The value of JSON the jar ships (the schemas, the model catalogs): the same nodes as {@link
   * #parse} but no position index, spans or duplicate-key records, which nothing asks of bundled
   * data and which cost a quarter of a one-file {@code validate} run's reading of it
   * (reports/validate-startup.md, third pass). The last of duplicate keys wins, as in {@link
   * #parse}; errors are reported as there.
   */
  public static JsonNode parseTree(String displayName, String text) {
    return new JsonReader(displayName, text).parseTreeOnly();
  }

  /** {@link #parseTree(String, String)} of UTF-8 bytes, decoded strictly as {@link #parse} does. */
  public static JsonNode parseTree(String displayName, byte[] bytes) {
    return parseTree(displayName, decodeUtf8(displayName, bytes, 0));
  }

  private static String decodeUtf8(String file, byte[] bytes, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      // Everything before the bad byte decoded cleanly: count lines in it for the position.
      out.flip();
      LineMap map = new LineMap(out.toString());
      int offset = out.length();
      throw new JsonReadException(
          JsonReadException.Reason.ENCODING,
          file,
          map.line(offset),
          map.column(offset),
          "invalid UTF-8 byte sequence (byte offset "
              + in.position()
              + "); Polpo reads its files as UTF-8, save the file in that encoding");
    }
    out.flip();
    return out.toString();
  }

  private JsonDocument parseDocument(boolean bom) {
    if (text.isBlank()) {
      throw new JsonReadException(
          JsonReadException.Reason.EMPTY,
          file,
          1,
          1,
          "file is empty; JSON.parse rejects an empty file, so Polpo cannot use it");
    }
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      parser = p;
      JsonToken first = p.nextToken();
      JsonNode root = readValue(first, "", null, 0);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        int off = (int) p.currentTokenLocation().getCharOffset();
        throw syntax(off, "unexpected content after the end of the JSON value");
      }
      return new JsonDocument(file, text, root, new PositionIndex(index), duplicates, bom);
    } catch (StreamReadException e) {
      throw translate(e);
    } catch (JacksonException e) {
      throw new JsonReadException(JsonReadException.Reason.SYNTAX, file, 0, 0, "invalid JSON");
    }
  }

  private JsonNode parseTreeOnly() {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      parser = p;
      JsonNode root = readPlain(p.nextToken(), 0);
      if (p.nextToken() != null) {
        throw syntax(
            (int) p.currentTokenLocation().getCharOffset(),
            "unexpected content after the end of the JSON value");
      }
      return root;
    } catch (StreamReadException e) {
      throw translate(e);
    } catch (JacksonException e) {
      throw new JsonReadException(JsonReadException.Reason.SYNTAX, file, 0, 0, "invalid JSON");
    }
  }

  /** {@link #readValue} without positions: the value starting at {@code token}. */
  private JsonNode readPlain(JsonToken token, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (token == null) {
      throw syntax(text.length(), "the JSON value is missing");
    }
    switch (token) {
      case START_OBJECT:
        {
          checkDepth(depth, offsetOf(parser.currentTokenLocation()));
          ObjectNode obj = nodes.objectNode();
          while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            obj.set(name, readPlain(parser.nextToken(), depth + 1));
          }
          return obj;
        }
      case START_ARRAY:
        {
          checkDepth(depth, offsetOf(parser.currentTokenLocation()));
          ArrayNode arr = nodes.arrayNode();
          JsonToken t;
          while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            arr.add(readPlain(t, depth + 1));
          }
          return arr;
        }
      default:
        return scalar(token, nodes);
    }
  }

  /** The node of a scalar token (string, number, true, false, null) at the parser. */
  private JsonNode scalar(JsonToken token, JsonNodeFactory nodes) {
    switch (token) {
      case VALUE_STRING:
        return new PrintedStringNode(parser.getString());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw syntax(offsetOf(parser.currentTokenLocation()), "unexpected token");
    }
  }

  private JsonNode readValue(JsonToken token, String pointer, Span keySpan, int depth) {
    int start = offsetOf(parser.currentTokenLocation());
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT:
        {
          checkDepth(depth, start);
          ObjectNode obj = nodes.objectNode();
          Map<String, Span> seen = new HashMap<>();
          JsonToken t;
          while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            int keyStart = offsetOf(parser.currentTokenLocation());
            Span key = span(keyStart, stringEnd(keyStart));
            String child = PositionIndex.child(pointer, name);
            Span earlier = seen.put(name, key);
            if (earlier != null) {
              duplicates.add(new DuplicateKey(child, name, earlier, key));
              removeSubtree(child);
            }
            JsonNode value = readValue(parser.nextToken(), child, key, depth + 1);
            obj.set(name, value);
          }
          int end = offsetOf(parser.currentTokenLocation()) + 1;
          index.put(pointer, new PositionIndex.Entry(keySpan, span(start, end)));
          return obj;
        }
      case START_ARRAY:
        {
          checkDepth(depth, start);
          ArrayNode arr = nodes.arrayNode();
          JsonToken t;
          int i = 0;
          while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            arr.add(readValue(t, PositionIndex.child(pointer, i), null, depth + 1));
            i++;
          }
          int end = offsetOf(parser.currentTokenLocation()) + 1;
          index.put(pointer, new PositionIndex.Entry(keySpan, span(start, end)));
          return arr;
        }
      case VALUE_STRING:
        index.put(pointer, new PositionIndex.Entry(keySpan, span(start, stringEnd(start))));
        return scalar(token, nodes);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
      case VALUE_NULL:
        {
          JsonNode n = scalar(token, nodes);
          index.put(pointer, new PositionIndex.Entry(keySpan, span(start, scalarEnd(start))));
          return n;
        }
      default:
        throw syntax(start, "unexpected token");
    }
  }

  /** Drops index entries of an earlier duplicate's subtree so the last occurrence wins. */
  private void removeSubtree(String pointer) {
    index.keySet().removeIf(k -> k.equals(pointer) || k.startsWith(pointer + "/"));
  }

  private void checkDepth(int depth, int offset) {
    if (depth >= MAX_DEPTH) {
      throw syntax(
          offset,
          "objects and arrays are nested more than "
              + MAX_DEPTH
              + " levels deep; polpo-check stops here (Polpo configs are a few levels deep)");
    }
  }

  private int offsetOf(TokenStreamLocation loc) {
    return (int) loc.getCharOffset();
  }

  /** Offset just after the closing quote of the string token starting at {@code start}. */
  private int stringEnd(int start) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** Offset just after a number or literal token. */
  private int scalarEnd(int start) {
    int i = start;
    while (i < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return Math.max(i, start + 1);
  }

  private LineMap lines() {
    if (lines == null) {
      lines = new LineMap(text);
    }
    return lines;
  }

  private Span span(int start, int end) {
    LineMap l = lines();
    return new Span(l.line(start), l.column(start), l.line(end), l.column(end), start, end);
  }

  private JsonReadException syntax(int offset, String detail) {
    LineMap l = lines();
    return new JsonReadException(
        JsonReadException.Reason.SYNTAX, file, l.line(offset), l.column(offset), detail);
  }

  /**
   * Rewrites Jackson's parse error into a message that names the problem without quoting the token
   * Jackson saw (it could be an unquoted secret).
   */
  private JsonReadException translate(StreamReadException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    TokenStreamLocation loc = e.getLocation();
    int offset =
        loc == null || loc.getCharOffset() < 0
            ? text.length()
            : (int) Math.min(loc.getCharOffset(), text.length());
    if (original.contains("Nesting depth") || original.contains("nesting depth")) {
      return syntax(
          offset,
          "objects and arrays are nested more than "
              + MAX_DEPTH
              + " levels deep; polpo-check stops here (Polpo configs are a few levels deep)");
    }
    String detail;
    if (original.startsWith("Unexpected end-of-input")) {
      detail = "unexpected end of file: an object, array or string is not closed";
      offset = text.length();
    } else if (original.startsWith("Unexpected close marker")) {
      detail = "closing bracket does not match the open object or array";
    } else if (original.startsWith("Unrecognized token")) {
      detail =
          "unrecognized token: values must be double-quoted strings, numbers, true, false"
              + " or null";
    } else if (original.startsWith("Unexpected character")) {
      char c = offset < text.length() ? text.charAt(offset) : ' ';
      int prev = previousNonSpace(offset);
      if ((c == '}' || c == ']') && prev >= 0 && text.charAt(prev) == ',') {
        detail = "trailing comma before '" + c + "'; JSON.parse does not allow it";
        offset = prev;
      } else if (c == '/' || c == '#') {
        detail = "comments are not allowed in JSON";
      } else if (c == '\'') {
        detail = "strings must use double quotes, not single quotes";
      } else if (original.contains("double-quote to start property name")) {
        detail = "expected a double-quoted key";
      } else if (original.contains("comma to separate")) {
        detail = "missing comma between entries";
      } else if (original.contains("colon to separate")) {
        detail = "expected ':' after the key";
      } else {
        detail = "unexpected character " + describe(c);
      }
    } else if (original.startsWith("Illegal unquoted character")) {
      detail = "control character inside a string; escape it (for example \\n or \\t)";
    } else if (original.startsWith("Unrecognized character escape")) {
      detail = "invalid escape sequence in a string";
    } else if (original.contains("leading zero") || original.contains("Leading zero")) {
      detail = "numbers must not have leading zeros";
    } else if (original.contains("expected a valid value")) {
      detail = "expected a value (a string, number, object, array, true, false or null)";
    } else {
      detail = "invalid JSON";
    }
    return syntax(offset, detail);
  }

  private static String describe(char c) {
    if ("{}[],:\"\\=;()<>".indexOf(c) >= 0) {
      return "'" + c + "'";
    }
    return Character.isWhitespace(c) ? "(white space)" : "(code " + (int) c + ")";
  }

  private int previousNonSpace(int offset) {
    int i = offset - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i;
  }
}
