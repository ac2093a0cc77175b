package org.yousaid.functions.officer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.validation.FieldError;

/**
 * Field errors keyed by field, in the order found, for the error summary and the inline messages.
 */
final class ErrorMessages {

  private ErrorMessages() {}

  static Map<String, String> of(List<FieldError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
    return byField;
  }
}
