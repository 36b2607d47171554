package vn.binhyen.verifier.registry;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The alerts' part of "is this official?": a question that is an alert's token (typ
 * {@code bya-alert+jwt}) or its link ({@code .../alerts/{id}}) is answered by the alert module,
 * with kind {@code ALERT}; anything else is left to the channel checks (empty).
 */
public interface AlertQuestions {

  Optional<Future<VerifyAnswer>> answer(String question);
}
