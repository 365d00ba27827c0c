package dev.handoff.adapter.acs.mapping;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One header, then the others in their order: the wire's {@code sipHeaders} with User-To-User
 * first, as a read-only view instead of a copy (copying the headers into a new map was the largest
 * part of mapping a transfer with calling context). The others must not hold the first header's
 * name, which the domain's {@code CallingContext} guarantees for User-To-User.
 */
final class HeadersAfterOne extends AbstractMap<String, String> {
  private final String firstName;
  private final String firstValue;
  private final Map<String, String> others;

  /**
   * @param firstName the first header's name
   * @param firstValue its value
   * @param others the headers after it, none of them named {@code firstName}
   */
  HeadersAfterOne(String firstName, String firstValue, Map<String, String> others) {
    this.firstName = Objects.requireNonNull(firstName);
    this.firstValue = firstValue;
    this.others = Objects.requireNonNull(others);
  }

  @Override
  public int size() {
    return others.size() + 1;
  }

  @Override
  public boolean containsKey(Object key) {
    return firstName.equals(key) || others.containsKey(key);
  }

  @Override
  public String get(Object key) {
    return firstName.equals(key) ? firstValue : others.get(key);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    action.accept(firstName, firstValue);
    others.forEach(action);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return HeadersAfterOne.this.size();
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private Iterator<Entry<String, String>> rest;

          @Override
          public boolean hasNext() {
            return rest == null || rest.hasNext();
          }

          @Override
          public Entry<String, String> next() {
            if (rest == null) {
              rest = others.entrySet().iterator();
              return new SimpleImmutableEntry<>(firstName, firstValue);
            }
            if (!rest.hasNext()) {
              throw new NoSuchElementException();
            }
            return new SimpleImmutableEntry<>(rest.next());
          }
        };
      }
    };
  }
}
