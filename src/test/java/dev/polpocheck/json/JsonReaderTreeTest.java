package dev.polpocheck.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link JsonReader#parseTree}, the reader without positions for the JSON the jar ships, builds
 * the same nodes as the position-tracking {@link JsonReader#parse}: checked on every schema and
 * catalog in the jar's sources and on the real Polpo configs of ../shared.
 */
class JsonReaderTreeTest {

  @Test
  void parseTree_ofEveryBundledAndRealFile_equalsParsesRoot() throws IOException {
    List<Path> files;
    try (Stream<Path> bundled = Files.walk(Path.of("schemas"));
        Stream<Path> resources = Files.walk(Path.of("src/main/resources"));
        Stream<Path> real = Files.walk(SharedData.require("data", "polpo-configs"))) {
      files =
          Stream.concat(Stream.concat(bundled, resources), real)
              .filter(p -> p.toString().endsWith(".json"))
              .collect(Collectors.toList());
    }
    assertTrue(files.size() > 100, files.size() + " files");
    int compared = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      JsonNode full;
      try {
        full = JsonReader.parse(f.toString(), bytes).root();
      } catch (JsonReadException e) {
        continue; // a deliberately broken sample: parseTree's errors are checked below
      }
      assertEquals(full, JsonReader.parseTree(f.toString(), bytes), f.toString());
      assertEquals(
          full.toString(), JsonReader.parseTree(f.toString(), bytes).toString(), f.toString());
      compared++;
    }
    assertTrue(compared > 100, compared + " compared");
  }

  @Test
  void parseTree_duplicateKeys_lastWins_asParse() {
    String text = "{\"a\": 1, \"b\": {\"c\": true}, \"a\": [null, 2.5, \"x\"]}";
    assertEquals(JsonReader.parse("d.json", text).root(), JsonReader.parseTree("d.json", text));
    assertEquals("[null,2.5,\"x\"]", JsonReader.parseTree("d.json", text).get("a").toString());
  }

  @Test
  void parseTree_badJson_failsWithFileLineAndColumn() {
    JsonReadException e =
        assertThrows(
            JsonReadException.class, () -> JsonReader.parseTree("s.json", "{\n  \"a\": }"));
    assertEquals("s.json", e.file());
    assertEquals(2, e.line());
    assertThrows(JsonReadException.class, () -> JsonReader.parseTree("s.json", "[1] 2"));
  }
}
