package org.boucle.marketplace.payment;

import org.boucle.marketplace.platform.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class PaymentConfiguration {

    /** A Stripe outage is the client's to retry: every call it triggers is idempotent. */
    @RestControllerAdvice
    static class PaymentProblems {

        @ExceptionHandler(PaymentUnavailableException.class)
        ResponseEntity<ProblemDetail> unavailable(PaymentUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable",
                            "Payment provider unavailable",
                            "Stripe did not complete the request; retrying the same request is safe"));
        }
    }
}
