package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A notification body as the parser keeps it: read in one pass of Jackson's tokenizer into plain
 * arrays, cheaper to build than Jackson's tree (no map per object, no node per member name). It
 * holds exactly what Jackson's tree of the same text holds: a member named twice keeps its first
 * place and its last value, and each number keeps the text Jackson's node of it gives ({@code -0}
 * is {@code 0}, {@code 1e3} is {@code 1000.0}), so the event ids derived from it are those derived
 * from Jackson's tree by earlier releases ({@link #toJackson()} gives that tree back where a part
 * is bound the way it always was).
 */
abstract sealed class JsonValue permits JsonValue.Members, JsonValue.Elements, JsonValue.Scalar {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValue() {}

  /**
   * Reads the value whose first token the parser is at.
   *
   * @param parser a parser positioned at the value's first token
   * @param first that token
   * @throws IOException when the text is no JSON (Jackson's own exceptions)
   */
  static JsonValue read(JsonParser parser, JsonToken first) throws IOException {
    switch (first) {
      case START_OBJECT:
        Members object = new Members();
        String name;
        while ((name = parser.nextFieldName()) != null) {
          object.put(name, read(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        Elements array = new Elements();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(read(parser, token));
        }
        return array;
      case VALUE_STRING:
        return new Scalar(Kind.STRING, parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(Kind.DOUBLE, Double.toString(parser.getDoubleValue()));
      case VALUE_TRUE:
        return Scalar.TRUE;
      case VALUE_FALSE:
        return Scalar.FALSE;
      case VALUE_NULL:
        return Scalar.NULL;
      default:
        throw new IllegalStateException("a value cannot start with " + first);
    }
  }

  /** An integer as Jackson's tree keeps it: an int, a long or a big integer, by its size. */
  private static Scalar integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return new Scalar(Kind.INT, Integer.toString(parser.getIntValue()));
      case LONG:
        return new Scalar(Kind.LONG, Long.toString(parser.getLongValue()));
      default:
        return new Scalar(Kind.BIG_INTEGER, parser.getBigIntegerValue().toString());
    }
  }

  /**
   * @param node a Jackson tree
   * @return the same value
   */
  static JsonValue of(JsonNode node) {
    if (node.isObject()) {
      Members object = new Members();
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        object.put(member.getKey(), of(member.getValue()));
      }
      return object;
    }
    if (node.isArray()) {
      Elements array = new Elements();
      node.forEach(element -> array.add(of(element)));
      return array;
    }
    if (node.isTextual()) {
      return new Scalar(Kind.STRING, node.textValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? Scalar.TRUE : Scalar.FALSE;
    }
    if (node.isInt() || node.isShort()) {
      return new Scalar(Kind.INT, node.asText());
    }
    if (node.isLong()) {
      return new Scalar(Kind.LONG, node.asText());
    }
    if (node.isBigInteger()) {
      return new Scalar(Kind.BIG_INTEGER, node.asText());
    }
    if (node.isNumber()) {
      return new Scalar(Kind.DOUBLE, Double.toString(node.doubleValue()));
    }
    return Scalar.NULL;
  }

  /**
   * @return the same value as a Jackson tree
   */
  abstract JsonNode toJackson();

  /**
   * @return the name Jackson gives the value's type ({@code OBJECT}, {@code STRING}, ...)
   */
  abstract String typeName();

  /**
   * @return the item's JSON text as Jackson writes its tree: members in the order received
   */
  @Override
  public String toString() {
    return toJackson().toString();
  }

  /** What a scalar is. */
  enum Kind {
    STRING,
    INT,
    LONG,
    BIG_INTEGER,
    DOUBLE,
    TRUE,
    FALSE,
    NULL
  }

  /** An object: its members in the order they first appeared. */
  static final class Members extends JsonValue {
    private String[] names = new String[4];
    private JsonValue[] values = new JsonValue[4];
    private int size;
    private String contentId;

    /** A member named again replaces the value in its first place, as in Jackson's tree. */
    void put(String name, JsonValue value) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          values[i] = value;
          return;
        }
      }
      append(name, value);
    }

    /**
     * Adds a member without looking for its name: for a reader that finds names given twice itself,
     * then calls {@link #keepLastOfRepeatedNames()}.
     */
    void append(String name, JsonValue value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size++] = value;
    }

    /** Makes the members appended what {@link #put} would have made of them. */
    void keepLastOfRepeatedNames() {
      String[] appendedNames = names;
      JsonValue[] appendedValues = values;
      int appended = size;
      names = new String[appendedNames.length];
      values = new JsonValue[appendedValues.length];
      size = 0;
      for (int i = 0; i < appended; i++) {
        put(appendedNames[i], appendedValues[i]);
      }
    }

    /**
     * @param name a member's name
     * @return its value, null when absent
     */
    JsonValue get(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return values[i];
        }
      }
      return null;
    }

    int size() {
      return size;
    }

    /**
     * @return the event id derived from this object's canonical form while it was read, null when
     *     none was (only the items of a batch get one)
     */
    String contentId() {
      return contentId;
    }

    void contentId(String id) {
      contentId = id;
    }

    String name(int index) {
      return names[index];
    }

    JsonValue value(int index) {
      return values[index];
    }

    @Override
    ObjectNode toJackson() {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < size; i++) {
        object.set(names[i], values[i].toJackson());
      }
      return object;
    }

    @Override
    String typeName() {
      return "OBJECT";
    }
  }

  /** An array. */
  static final class Elements extends JsonValue implements Iterable<JsonValue> {
    private JsonValue[] values = new JsonValue[4];
    private int size;

    void add(JsonValue value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    JsonValue get(int index) {
      return values[index];
    }

    @Override
    public Iterator<JsonValue> iterator() {
      return Arrays.asList(values).subList(0, size).iterator();
    }

    @Override
    ArrayNode toJackson() {
      ArrayNode array = NODES.arrayNode(size);
      for (int i = 0; i < size; i++) {
        array.add(values[i].toJackson());
      }
      return array;
    }

    @Override
    String typeName() {
      return "ARRAY";
    }
  }

  /**
   * A string, number, truth value or null.
   *
   * <p>{@code text} is a string's value, or the text Jackson's node of a number or truth value
   * gives ({@code null} for null).
   */
  static final class Scalar extends JsonValue {
    static final Scalar TRUE = new Scalar(Kind.TRUE, "true");
    static final Scalar FALSE = new Scalar(Kind.FALSE, "false");
    static final Scalar NULL = new Scalar(Kind.NULL, "null");

    private final Kind kind;
    private final String text;

    Scalar(Kind kind, String text) {
      this.kind = kind;
      this.text = text;
    }

    Kind kind() {
      return kind;
    }

    String text() {
      return text;
    }

    boolean isString() {
      return kind == Kind.STRING;
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }

    @Override
    JsonNode toJackson() {
      switch (kind) {
        case STRING:
          return NODES.textNode(text);
        case INT:
          return NODES.numberNode(Integer.parseInt(text));
        case LONG:
          return NODES.numberNode(Long.parseLong(text));
        case BIG_INTEGER:
          return NODES.numberNode(new BigInteger(text));
        case DOUBLE:
          return NODES.numberNode(Double.parseDouble(text));
        case TRUE:
          return NODES.booleanNode(true);
        case FALSE:
          return NODES.booleanNode(false);
        default:
          return NODES.nullNode();
      }
    }

    @Override
    String typeName() {
      switch (kind) {
        case STRING:
          return "STRING";
        case TRUE:
        case FALSE:
          return "BOOLEAN";
        case NULL:
          return "NULL";
        default:
          return "NUMBER";
      }
    }
  }
}
