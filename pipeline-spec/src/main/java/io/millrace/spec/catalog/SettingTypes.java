package io.millrace.spec.catalog;

import io.millrace.spec.catalog.SettingType.BoolType;
import io.millrace.spec.catalog.SettingType.DurationType;
import io.millrace.spec.catalog.SettingType.EnumType;
import io.millrace.spec.catalog.SettingType.ExpressionType;
import io.millrace.spec.catalog.SettingType.IntType;
import io.millrace.spec.catalog.SettingType.ListType;
import io.millrace.spec.catalog.SettingType.NumberType;
import io.millrace.spec.catalog.SettingType.SizeType;
import io.millrace.spec.catalog.SettingType.StringType;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.FieldType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Short constructors for the setting types used by descriptors, so catalogs read like a table. */
public final class SettingTypes {

  /** Node ids: stable identity of a node (and of its state), DNS-label-like. */
  public static final String ID_PATTERN = "[a-z][a-z0-9-]*";

  /** An input reference: a node id, optionally followed by {@code .<side output>}. */
  public static final String INPUT_PATTERN = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)?";

  /** Names that become CEL identifiers (aggregate names, state names, record fields). */
  public static final String IDENTIFIER_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

  /** The pipeline name: a DNS label. */
  public static final String NAME_PATTERN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  public static final int MAX_ID_LENGTH = 63;
  public static final long MAX_PARALLELISM = 32768;

  private SettingTypes() {}

  public static StringType string() {
    return new StringType(null, null, 0);
  }

  public static StringType id() {
    return new StringType(ID_PATTERN, "lower-case letters, digits and '-', starting with a letter", MAX_ID_LENGTH);
  }

  public static StringType identifier() {
    return new StringType(IDENTIFIER_PATTERN, "letters, digits and '_', not starting with a digit", 0);
  }

  public static IntType integer(long min, long max) {
    return new IntType(min, max);
  }

  public static IntType atLeast(long min) {
    return new IntType(min, null);
  }

  public static NumberType number() {
    return new NumberType(null, null);
  }

  public static NumberType numberAtLeast(double min) {
    return new NumberType(min, null);
  }

  public static BoolType bool() {
    return new BoolType();
  }

  /** A strictly positive duration. */
  public static DurationType duration() {
    return new DurationType(false);
  }

  /** A duration that may be zero ({@code 0s}). */
  public static DurationType durationOrZero() {
    return new DurationType(true);
  }

  public static SizeType size() {
    return new SizeType();
  }

  public static EnumType oneOf(String... values) {
    return new EnumType(List.of(values));
  }

  public static ExpressionType expression(ExpressionKind kind) {
    return new ExpressionType(kind);
  }

  public static ListType listOf(SettingType items) {
    return new ListType(items, 0);
  }

  public static ListType nonEmptyListOf(SettingType items) {
    return new ListType(items, 1);
  }

  /** The field types a source schema may declare: {@link FieldType} names in lower case. */
  public static EnumType fieldType() {
    return new EnumType(
        Arrays.stream(FieldType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
  }
}
