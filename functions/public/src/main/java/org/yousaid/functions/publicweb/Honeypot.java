package org.yousaid.functions.publicweb;

import org.yousaid.functions.common.http.FormBody;
import org.yousaid.shared.ids.ReceiptCodes;

/**
 * A form field people never see (visually hidden, hidden from screen readers, out of the tab order,
 * labelled "leave this empty") that form-filling bots tend to fill. A filled one gets a plausible
 * answer and nothing is stored.
 */
public final class Honeypot {

  /** A name bots like to fill; the form never uses it for anything else. */
  public static final String FIELD = org.yousaid.functions.common.form.RespondentForm.HONEYPOT;

  private Honeypot() {}

  public static boolean filled(FormBody form) {
    return form.all(FIELD).stream().anyMatch(v -> !v.isBlank());
  }

  /** A receipt code that looks like a real one and points at nothing. */
  public static String decoyReceipt() {
    return ReceiptCodes.newCode();
  }
}
