package org.yousaid.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class takes Playwright's {@code Browser} (Debian's headless Chromium, one per JVM) or a
 * {@code Page} in a context of its own, closed after the test, as parameters.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(YousaidExtension.class)
public @interface WithBrowser {

  /** The viewport of a {@code Page} parameter's context. */
  int viewportWidth() default 1280;

  int viewportHeight() default 720;
}
