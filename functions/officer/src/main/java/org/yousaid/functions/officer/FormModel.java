package org.yousaid.functions.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.validation.FieldError;

/**
 * A form page's model: what the officer typed ({@code given}) and why it was refused ({@code
 * errors} by field, {@code hasErrors}), for {@code officer/messages}' error summary and each
 * field's message. Error keys are the ids of the fields they link to (dots become dashes).
 */
final class FormModel {

  private FormModel() {}

  static Map<String, Object> of(
      String title, Map<String, List<String>> given, List<FieldError> errors) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", title);
    model.put("given", FormValues.of(given));
    model.put("errors", ErrorMessages.of(errors));
    model.put("hasErrors", !errors.isEmpty());
    return model;
  }
}
