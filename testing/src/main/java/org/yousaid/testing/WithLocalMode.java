package org.yousaid.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class (or method) takes local mode as a parameter, started on a free port with its data
 * in a temporary folder, and closed with the folder deleted after the class (when its
 * {@code @BeforeAll} asks for it) or after each test. Settings known only at run time go through
 * {@link YousaidExtension#withLocalMode} instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(YousaidExtension.class)
public @interface WithLocalMode {

  /** As {@code PAGE_FEEDBACK_ORIGINS}, e.g. {@code demo=https://localoffer.demo.gov.uk}. */
  String pageFeedbackOrigins() default "";

  /** As {@code PUBLIC_RATE_LIMIT}: {@code 60/60} or {@code off}; empty for local mode's default. */
  String publicRateLimit() default "";
}
