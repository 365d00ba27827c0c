package dev.handoff.app.api.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request's JSON component whose name differs from the model's: the model field (or fields,
 * most specific first) that the component fills. A rule the model finds broken on such a field is
 * reported at the component, in the JSON API's terms ({@link JsonFieldPaths}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Fills {
  /**
   * @return the model's field paths, relative to the model object this request builds
   */
  String[] value();
}
