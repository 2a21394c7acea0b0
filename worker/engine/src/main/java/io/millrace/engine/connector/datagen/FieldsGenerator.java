package io.millrace.engine.connector.datagen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code generator: fields}: one map per index with one value per field spec, typed as the catalog
 * types them (sequence / random-int → Long, random-double → Double, timestamp → Instant,
 * random-string / one-of / uuid → String).
 */
final class FieldsGenerator implements RecordGenerator {

  /** One field spec, validated. */
  sealed interface Field permits Sequence, RandomInt, RandomDouble, RandomString, OneOf, Timestamp, Uuid {
    String name();
  }

  record Sequence(String name) implements Field {}

  record RandomInt(String name, long min, long max) implements Field {}

  record RandomDouble(String name, double min, double max) implements Field {}

  record RandomString(String name, int length) implements Field {}

  record OneOf(String name, List<String> values) implements Field {}

  record Timestamp(String name) implements Field {}

  record Uuid(String name) implements Field {}

  private final List<Field> fields;
  private final EventSchedule schedule;
  private final RandomText text;
  private final long seed;

  FieldsGenerator(List<Field> fields, EventSchedule schedule, long seed) {
    this.fields = List.copyOf(fields);
    this.schedule = schedule;
    this.text = new RandomText(seed);
    this.seed = seed;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public long timestampMillis(long index) {
    return schedule.millisOf(index);
  }

  @Override
  public Object generate(long index, EventRandom random) {
    random.at(index);
    Map<String, Object> record = new HashMap<>(fields.size() * 2);
    for (Field field : fields) {
      record.put(field.name(), valueOf(field, index, random));
    }
    return record;
  }

  private Object valueOf(Field field, long index, EventRandom random) {
    if (field instanceof Sequence) {
      return index;
    } else if (field instanceof RandomInt r) {
      return r.min() + (long) (random.nextDouble() * (r.max() - r.min() + 1));
    } else if (field instanceof RandomDouble d) {
      return d.min() + random.nextDouble() * (d.max() - d.min());
    } else if (field instanceof RandomString s) {
      return text.letters(random, s.length());
    } else if (field instanceof OneOf o) {
      return o.values().get(random.nextInt(o.values().size()));
    } else if (field instanceof Timestamp) {
      return schedule.instantOf(index);
    }
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }
}
