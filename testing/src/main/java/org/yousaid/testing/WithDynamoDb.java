package org.yousaid.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link DynamoTable} for the annotated field, or for parameters of the annotated class's or
 * method's tests: a fresh table for each test, or one for the whole class in a static field or
 * {@code @BeforeAll} parameter (see {@link YousaidExtension}).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(YousaidExtension.class)
public @interface WithDynamoDb {

  /**
   * Each table in a DynamoDB Local of its own, started and stopped with it, instead of the JVM's
   * shared one. For tests that write the same fixed response ids in every test: DynamoDB remembers
   * a transaction's client request token server-wide for ten minutes and refuses it for another
   * table.
   */
  boolean ownServer() default false;
}
