package io.vigia.sink.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every call of {@link ArticleIndex} reaches the index a forwarding one wraps, unchanged. */
class ForwardingArticleIndexTest {
  @Test
  void shouldHandEveryCallToTheWrappedIndex() throws Exception {
    List<String> calls = new ArrayList<>();
    ArticleIndex recorded =
        (ArticleIndex)
            Proxy.newProxyInstance(
                ArticleIndex.class.getClassLoader(),
                new Class<?>[] {ArticleIndex.class},
                (proxy, method, args) -> {
                  calls.add(
                      method.getName() + Arrays.toString(args == null ? new Object[0] : args));
                  return method.getReturnType() == long.class ? 7L : null;
                });
    ArticleIndex forwarding = new ForwardingArticleIndex(recorded) {};

    List<String> expected = new ArrayList<>();
    for (Method m : ArticleIndex.class.getMethods()) {
      Object[] args = new Object[m.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = m.getParameterTypes()[i] == int.class ? (Object) (i + 1) : null;
      }
      Object result = m.invoke(forwarding, args);
      expected.add(m.getName() + Arrays.toString(args));
      if (m.getReturnType() == long.class) {
        assertThat(result).isEqualTo(7L);
      }
    }

    assertThat(calls).containsExactlyElementsOf(expected);
    assertThat(expected).hasSize(ArticleIndex.class.getMethods().length).hasSizeGreaterThan(7);
  }
}
