package org.yousaid.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Local mode for the annotated field ({@code @WithLocalMode static LocalMode local;}), or for
 * parameters of the annotated class's or method's tests: started on a free port with its data in a
 * temporary folder, and stopped with the folder deleted after the class (static field or
 * {@code @BeforeAll} parameter) or after each test. Settings known only at run time go through
 * {@link YousaidExtension#withLocalMode} instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(YousaidExtension.class)
public @interface WithLocalMode {

  /** As {@code PAGE_FEEDBACK_ORIGINS}, e.g. {@code demo=https://localoffer.demo.gov.uk}. */
  String pageFeedbackOrigins() default "";

  /** As {@code PUBLIC_RATE_LIMIT}: {@code 60/60} or {@code off}; empty for local mode's default. */
  String publicRateLimit() default "";
}
