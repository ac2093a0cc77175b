package org.yousaid.web;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The filters every page shares: {@code ukDate} ("1 December 2026") and {@code ukTime} ("1 December
 * 2026 at 6:45pm"), so no page prints a machine date or a time in the server's zone (see {@link
 * UkTimes}); and {@code percent} (a share 0..1 as a whole percentage, rounded half up like the
 * exports and the published data, where Pebble's numberformat rounds half to even: 62.5% must read
 * 63% everywhere).
 */
final class PageFilters extends AbstractExtension {

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of(
        "ukDate",
        filter(UkTimes::date),
        "ukTime",
        filter(UkTimes::dateTime),
        "percent",
        filter(PageFilters::percent));
  }

  /** "63" for 0.625; "" for anything that is not a number. */
  static String percent(Object share) {
    return share instanceof Number n ? Long.toString(Math.round(n.doubleValue() * 100)) : "";
  }

  private static Filter filter(Function<Object, String> format) {
    return new Filter() {
      @Override
      public Object apply(
          Object input,
          Map<String, Object> args,
          PebbleTemplate self,
          EvaluationContext context,
          int lineNumber) {
        return format.apply(input);
      }

      @Override
      public List<String> getArgumentNames() {
        return List.of();
      }
    };
  }
}
