package io.millrace.engine.connector.datagen;

import java.util.SplittableRandom;

/**
 * Random-looking strings without a random call per character: a window of a fixed random
 * alphabet buffer (built once from the seed) at a random offset. Immutable, shared by readers.
 */
final class RandomText {

  private static final int BUFFER = 1 << 14;

  private final String letters;
  private final String digits;

  RandomText(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder l = new StringBuilder(BUFFER);
    StringBuilder d = new StringBuilder(BUFFER);
    for (int i = 0; i < BUFFER; i++) {
      l.append((char) ('a' + random.nextInt(26)));
      d.append((char) ('0' + random.nextInt(10)));
    }
    this.letters = l.toString();
    this.digits = d.toString();
  }

  String letters(EventRandom random, int length) {
    return window(letters, random, length);
  }

  String digits(EventRandom random, int length) {
    return window(digits, random, length);
  }

  private static String window(String source, EventRandom random, int length) {
    if (length <= 0) {
      return "";
    }
    if (length >= BUFFER) {
      return source.repeat(length / BUFFER + 1).substring(0, length);
    }
    int offset = random.nextInt(BUFFER - length);
    return source.substring(offset, offset + length);
  }
}
