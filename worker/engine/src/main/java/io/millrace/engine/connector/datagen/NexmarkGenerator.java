package io.millrace.engine.connector.datagen;

import java.time.Instant;
import java.util.Map;

/**
 * The Nexmark auction benchmark's event sequence (our own implementation of the published model;
 * see docs/nexmark.md): in every block of 50 indices, 1 person, 3 auctions, 46 bids; ids grow
 * with the sequence; half of the bids go to a "hot" auction and three quarters come from a "hot"
 * bidder; an {@code extra} string pads persons / auctions / bids to about 200 / 500 / 100 bytes.
 * Records are flat maps with the field types of {@code NexmarkRecords} (ints as Long, times as
 * Instant).
 */
final class NexmarkGenerator implements RecordGenerator {

  /** Which events a source emits. */
  enum Stream { ALL, PERSON, AUCTION, BID }

  static final int BLOCK = 50;
  static final int AUCTIONS_PER_BLOCK = 3;
  static final long FIRST_PERSON_ID = 1000;
  static final long FIRST_AUCTION_ID = 1000;
  static final long FIRST_CATEGORY_ID = 10;
  static final int CATEGORIES = 5;
  /** Hot ids are the latest id rounded down to a multiple of this: a few ids take most traffic at a time. */
  static final int HOT_GROUP = 100;
  /** Non-hot bids go to one of the latest auctions / come from one of the latest persons. */
  static final int OPEN_AUCTIONS = 100;
  static final int ACTIVE_PERSONS = 1000;

  static final int PERSON_BYTES = 200;
  static final int AUCTION_BYTES = 500;
  static final int BID_BYTES = 100;

  private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
      "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
      "Jones", "Noris"};
  private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
      "Redmond", "Seattle", "Kent", "Cheyenne"};
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  private static final String[] URLS = new String[CHANNELS.length];

  static {
    for (int c = 0; c < CHANNELS.length; c++) {
      URLS[c] = "https://www.nexmark.com/" + CHANNELS[c].toLowerCase() + "/item.htm?query=1&channel_id=" + (1 << c);
    }
  }

  private final Stream stream;
  private final EventSchedule schedule;
  private final RandomText text;
  private final long seed;

  NexmarkGenerator(Stream stream, EventSchedule schedule, long seed) {
    this.stream = stream;
    this.schedule = schedule;
    this.text = new RandomText(seed);
    this.seed = seed;
  }

  static Stream kindAt(long index) {
    int position = (int) (index % BLOCK);
    return position == 0 ? Stream.PERSON : position <= AUCTIONS_PER_BLOCK ? Stream.AUCTION : Stream.BID;
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
    Stream kind = kindAt(index);
    if (stream != Stream.ALL && stream != kind) {
      return null;
    }
    random.at(index);
    Map<String, Object> event = switch (kind) {
      case PERSON -> person(index, random);
      case AUCTION -> auction(index, random);
      default -> bid(index, random);
    };
    if (stream != Stream.ALL) {
      return event;
    }
    // the wrapped form of NexmarkRecords.ALL: the event under its kind's name, the others null
    String type = kind.name().toLowerCase();
    java.util.HashMap<String, Object> wrapped = new java.util.HashMap<>(8);
    wrapped.put("type", type);
    wrapped.put("person", kind == Stream.PERSON ? event : null);
    wrapped.put("auction", kind == Stream.AUCTION ? event : null);
    wrapped.put("bid", kind == Stream.BID ? event : null);
    return wrapped;
  }

  private static long block(long index) {
    return index / BLOCK;
  }

  /** The newest person id at {@code index} (the block's person comes first in its block). */
  private static long latestPerson(long index) {
    return FIRST_PERSON_ID + block(index);
  }

  /** The newest auction id at a BID index (all auctions of its block came before it). */
  private static long latestAuction(long index) {
    return FIRST_AUCTION_ID + block(index) * AUCTIONS_PER_BLOCK + AUCTIONS_PER_BLOCK - 1;
  }

  /** Hot with probability {@code (ratio - 1) / ratio}, else one of the {@code spread} latest ids. */
  private static long pick(long latest, long first, int hotRatio, int spread, EventRandom random) {
    if (random.nextInt(hotRatio) > 0) {
      return first + (latest - first) / HOT_GROUP * HOT_GROUP;
    }
    return Math.max(first, latest - random.nextInt(spread));
  }

  private Map<String, Object> person(long index, EventRandom random) {
    long id = latestPerson(index);
    String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
    String name = first + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    String email = first.toLowerCase() + "." + text.letters(random, 5) + "@" + text.letters(random, 6) + ".com";
    String card = text.digits(random, 4) + " " + text.digits(random, 4) + " " + text.digits(random, 4) + " "
        + text.digits(random, 4);
    String city = CITIES[random.nextInt(CITIES.length)];
    String state = STATES[random.nextInt(STATES.length)];
    int size = 8 + name.length() + email.length() + card.length() + city.length() + state.length() + 12;
    return Map.of("id", id, "name", name, "emailAddress", email, "creditCard", card, "city", city,
        "state", state, "dateTime", schedule.instantOf(index), "extra", extra(random, PERSON_BYTES - size));
  }

  private Map<String, Object> auction(long index, EventRandom random) {
    long id = FIRST_AUCTION_ID + block(index) * AUCTIONS_PER_BLOCK + (index % BLOCK) - 1;
    String itemName = text.letters(random, 20);
    String description = text.letters(random, 100);
    long initialBid = price(random);
    long reserve = initialBid + price(random);
    Instant dateTime = schedule.instantOf(index);
    Instant expires = dateTime.plusMillis(1000 + random.nextInt(60_000));
    long seller = pick(latestPerson(index), FIRST_PERSON_ID, 4, ACTIVE_PERSONS, random);
    long category = FIRST_CATEGORY_ID + random.nextInt(CATEGORIES);
    int size = 8 + itemName.length() + description.length() + 8 + 8 + 12 + 12 + 8 + 8;
    return Map.of("id", id, "itemName", itemName, "description", description, "initialBid", initialBid,
        "reserve", reserve, "dateTime", dateTime, "expires", expires, "seller", seller, "category", category,
        "extra", extra(random, AUCTION_BYTES - size));
  }

  private Map<String, Object> bid(long index, EventRandom random) {
    long auction = pick(latestAuction(index), FIRST_AUCTION_ID, 2, OPEN_AUCTIONS, random);
    long bidder = pick(latestPerson(index), FIRST_PERSON_ID, 4, ACTIVE_PERSONS, random);
    long price = price(random);
    int channel = random.nextInt(CHANNELS.length);
    int size = 8 + 8 + 8 + CHANNELS[channel].length() + URLS[channel].length() + 12;
    return Map.of("auction", auction, "bidder", bidder, "price", price, "channel", CHANNELS[channel],
        "url", URLS[channel], "dateTime", schedule.instantOf(index), "extra", extra(random, BID_BYTES - size));
  }

  /** Cents, log-uniform between $1 and $1M: many small bids, a few large. */
  private static long price(EventRandom random) {
    return (long) (100 * Math.pow(10, random.nextDouble() * 6));
  }

  /** Pads a record to its target size, give or take 10%, so sizes vary a little like real payloads. */
  private String extra(EventRandom random, int missing) {
    int length = Math.max(0, missing - missing / 10 + random.nextInt(Math.max(1, missing / 5 + 1)));
    return text.letters(random, length);
  }
}
