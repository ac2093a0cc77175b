package org.yousaid.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Playwright's {@code Browser} (Debian's headless Chromium, one for the whole run) or a {@code
 * Page} in a context of its own, closed after the test, for the annotated field or for parameters
 * of the annotated class's or method's tests.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(YousaidExtension.class)
public @interface WithBrowser {

  /** The viewport of a {@code Page} parameter's context. */
  int viewportWidth() default 1280;

  int viewportHeight() default 720;
}
