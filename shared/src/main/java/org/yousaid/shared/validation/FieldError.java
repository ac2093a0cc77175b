package org.yousaid.shared.validation;

/**
 * One problem with one field, worded for the person who filled it in.
 *
 * @param field the form field or JSON member, e.g. {@code q1} or {@code profile.role}
 */
public record FieldError(String field, String message) {}
