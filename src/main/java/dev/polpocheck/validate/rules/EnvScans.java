package dev.polpocheck.validate.rules;

import dev.polpocheck.config.EnvReferences;
import dev.polpocheck.config.EnvReferences.FieldClass;
import dev.polpocheck.config.SecretScanner;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** The {@code ${…}} scan of every string value of a file, shared by the three env rules. */
final class EnvScans {

  /**
   * One scanned value.
   *
   * @param pointer the value's pointer
   * @param fieldClass how Polpo treats references there
   * @param scan what the scanner found
   */
  record Scanned(String pointer, FieldClass fieldClass, EnvReferences.Scan scan) {}

  private EnvScans() {}

  /**
   * Scans every string value of the file except auth-profile tokens ({@code access}, {@code
   * refresh}), which are expected secrets and never inspected.
   */
  static List<Scanned> of(RuleContext ctx) {
    return ctx.perFile(EnvScans.class.getName(), () -> List.copyOf(compute(ctx)));
  }

  private static List<Scanned> compute(RuleContext ctx) {
    List<Scanned> out = new ArrayList<>();
    ConfigView.eachString(
        ctx.root(),
        "",
        (pointer, value) -> {
          if (ctx.kind() == FileKind.AUTH_PROFILES && isToken(pointer)) {
            return;
          }
          if (value.indexOf('$') < 0 && !value.contains("os.environ/")) {
            return;
          }
          // Literal secrets are polpo/secret/literal's business; scanning them could quote
          // part of a password ("pa$sw0rd") in a near-miss message.
          if (SecretScanner.looksSensitive(value)
              || (ConfigView.isSecretField(pointer) && !ConfigView.isReferenceAttempt(value))) {
            return;
          }
          FieldClass cls = ConfigView.fieldClass(ctx.kind(), ctx.root(), pointer);
          EnvReferences.Scan scan = EnvReferences.scan(value, cls);
          if (!scan.isEmpty()) {
            out.add(new Scanned(pointer, cls, scan));
          }
        });
    return out;
  }

  private static boolean isToken(String pointer) {
    String last = PositionIndex.lastToken(pointer);
    return pointer.startsWith("/profiles/") && (last.equals("access") || last.equals("refresh"));
  }
}
