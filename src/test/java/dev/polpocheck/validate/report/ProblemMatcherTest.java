package dev.polpocheck.validate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.json.JsonReader;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.RuleTesting;
import dev.polpocheck.validate.Rules;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Protects the GitHub problem matcher shipped for users who keep the text format in Actions:
 * its regular expression must capture file, line, column, severity, message and rule from the
 * header lines the text reporter prints, with and without colour, and nothing else.
 */
class ProblemMatcherTest {

  @Test
  void matcher_textHeaders_captureEveryField() throws Exception {
    Path file =
        Path.of(System.getProperty("polpocheck.basedir", "."), ".github/polpo-check-matcher.json");
    String regex =
        JsonReader.parse("m", Files.readString(file))
            .root()
            .at("/problemMatcher/0/pattern/0/regexp")
            .asString();
    Pattern p = Pattern.compile(regex);
    for (boolean color : List.of(false, true)) {
      Validator v = Validator.withDefaults(RuleTesting.CLOCK);
      FileResult r =
          v.validateText(
              ".polpo/polpo.json", FileKind.POLPO, "{\n  \"settings\": {\"maxRetires\": 1}\n}");
      StringWriter sw = new StringWriter();
      Format.TEXT
          .reporter(new Format.Options(true, color))
          .write(
              new Report(List.of(r), Rules.descriptors(), "0.1.0", Severity.ERROR),
              new PrintWriter(sw));
      List<String> matched = sw.toString().lines().filter(l -> p.matcher(l).matches()).toList();
      assertEquals(1, matched.size(), sw.toString());
      Matcher m = p.matcher(matched.get(0));
      assertTrue(m.matches());
      assertEquals(".polpo/polpo.json", m.group(1));
      assertEquals("2", m.group(2));
      // Line 2 `  "settings": {"maxRetires": 1}`: the key's quote is at column 16.
      assertEquals("16", m.group(3));
      assertEquals("warning", m.group(4));
      assertEquals("unknown key \"maxRetires\" in settings", m.group(5));
      assertEquals("polpo/config/unknown-key", m.group(6));
    }
  }
}
