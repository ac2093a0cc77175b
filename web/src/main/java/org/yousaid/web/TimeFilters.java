package org.yousaid.web;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The filters {@code ukDate} ("1 December 2026") and {@code ukTime} ("1 December 2026 at 6:45pm"),
 * so no page prints a machine date or a time in the server's zone. See {@link UkTimes}.
 */
final class TimeFilters extends AbstractExtension {

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of("ukDate", filter(UkTimes::date), "ukTime", filter(UkTimes::dateTime));
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
