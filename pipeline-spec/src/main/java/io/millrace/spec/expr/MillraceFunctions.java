package io.millrace.spec.expr;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelByteString;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelRuntimeLibrary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Millrace's functions on top of CEL's standard library and extensions (strings, regex, math,
 * optional). Each is documented with examples in docs/expressions.md; the names are
 * listed in {@link #NAMES} for "did you mean" hints.
 *
 * <ul>
 *   <li>{@code toEpochMillis(t)} / {@code t.toEpochMillis()}: timestamp → int milliseconds
 *   <li>{@code fromEpochMillis(ms)}: int milliseconds → timestamp
 *   <li>{@code d.toMillis()}: duration → int milliseconds
 *   <li>{@code json(s)}: parses a JSON string into maps/lists/strings/ints/doubles/bools/null
 *   <li>{@code hash64(x)}: stable 64-bit hash of a string, bytes or int ({@link StableHash})
 *   <li>{@code sha256(x)}: lower-case hex SHA-256 of a string (UTF-8) or bytes
 *   <li>{@code base64.encode(b)} / {@code base64.decode(s)}: standard Base64 (CEL's own encoders
 *       extension is not used: in CEL-java 0.11.1 its encode does not accept the native bytes
 *       values this runtime works with)
 * </ul>
 */
final class MillraceFunctions implements CelCompilerLibrary, CelRuntimeLibrary {

  static final List<String> NAMES =
      List.of("toEpochMillis", "fromEpochMillis", "toMillis", "json", "hash64", "sha256",
          "base64.encode", "base64.decode");

  private final JsonFunction json;

  MillraceFunctions(ExpressionLimits limits) {
    this.json = new JsonFunction(limits.maxJsonNestingDepth(), limits.maxJsonLength());
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration(
            "toEpochMillis",
            newGlobalOverload("to_epoch_millis_timestamp", SimpleType.INT, SimpleType.TIMESTAMP),
            newMemberOverload(
                "timestamp_to_epoch_millis", SimpleType.INT, SimpleType.TIMESTAMP)),
        newFunctionDeclaration(
            "fromEpochMillis",
            newGlobalOverload("from_epoch_millis_int", SimpleType.TIMESTAMP, SimpleType.INT)),
        newFunctionDeclaration(
            "toMillis",
            newMemberOverload("duration_to_millis", SimpleType.INT, SimpleType.DURATION)),
        newFunctionDeclaration(
            "json", newGlobalOverload("json_string", SimpleType.DYN, SimpleType.STRING)),
        newFunctionDeclaration(
            "hash64",
            newGlobalOverload("hash64_string", SimpleType.INT, SimpleType.STRING),
            newGlobalOverload("hash64_bytes", SimpleType.INT, SimpleType.BYTES),
            newGlobalOverload("hash64_int", SimpleType.INT, SimpleType.INT)),
        newFunctionDeclaration(
            "sha256",
            newGlobalOverload("sha256_string", SimpleType.STRING, SimpleType.STRING),
            newGlobalOverload("sha256_bytes", SimpleType.STRING, SimpleType.BYTES)),
        newFunctionDeclaration(
            "base64.encode",
            newGlobalOverload("millrace_base64_encode_bytes", SimpleType.STRING, SimpleType.BYTES)),
        newFunctionDeclaration(
            "base64.decode",
            newGlobalOverload("millrace_base64_decode_string", SimpleType.BYTES, SimpleType.STRING)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("to_epoch_millis_timestamp", Instant.class, MillraceFunctions::toEpochMillis),
        CelFunctionBinding.from("timestamp_to_epoch_millis", Instant.class, MillraceFunctions::toEpochMillis),
        CelFunctionBinding.from("from_epoch_millis_int", Long.class, MillraceFunctions::fromEpochMillis),
        CelFunctionBinding.from("duration_to_millis", Duration.class, MillraceFunctions::toMillis),
        CelFunctionBinding.from("json_string", String.class, json::parse),
        CelFunctionBinding.from("hash64_string", String.class, StableHash::hash64),
        CelFunctionBinding.from("hash64_bytes", CelByteString.class, StableHash::hash64),
        CelFunctionBinding.from("hash64_int", Long.class, StableHash::hash64),
        CelFunctionBinding.from(
            "sha256_string", String.class, s -> sha256(s.getBytes(StandardCharsets.UTF_8))),
        CelFunctionBinding.from(
            "sha256_bytes", CelByteString.class, b -> sha256(b.toByteArray())),
        CelFunctionBinding.from(
            "millrace_base64_encode_bytes", CelByteString.class,
            b -> Base64.getEncoder().encodeToString(b.toByteArray())),
        CelFunctionBinding.from(
            "millrace_base64_decode_string", String.class, MillraceFunctions::base64Decode));
  }

  private static Long toEpochMillis(Instant timestamp) throws CelEvaluationException {
    try {
      return timestamp.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new CelEvaluationException("toEpochMillis: timestamp out of range: " + timestamp);
    }
  }

  private static Instant fromEpochMillis(Long millis) throws CelEvaluationException {
    Instant instant = Instant.ofEpochMilli(millis);
    // CEL timestamps span years 0001..9999; keep results inside so later arithmetic is defined.
    if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
        || instant.isAfter(Instant.parse("9999-12-31T23:59:59.999Z"))) {
      throw new CelEvaluationException("fromEpochMillis: " + millis + " is outside years 1..9999");
    }
    return instant;
  }

  private static Long toMillis(Duration duration) throws CelEvaluationException {
    try {
      return duration.toMillis();
    } catch (ArithmeticException | DateTimeException e) {
      throw new CelEvaluationException("toMillis: duration out of range: " + duration);
    }
  }

  private static CelByteString base64Decode(String text) throws CelEvaluationException {
    try {
      return CelByteString.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new CelEvaluationException("base64.decode: " + e.getMessage());
    }
  }

  private static String sha256(byte[] bytes) throws CelEvaluationException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256; report rather than crash if one does not.
      throw new CelEvaluationException("sha256: not available in this Java runtime");
    }
  }
}
