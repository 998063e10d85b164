package org.boucle.marketplace.platform;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure of the JSON API into problem+json, with field-level details for bad input. */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such " + e.resource());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return Problems.invalid(e.getMessage(), List.of(new Problems.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange() {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Conflict",
                "Someone else changed this resource meanwhile; reload and try again");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict() {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", "The request conflicts with existing data");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; quote reference " + reference);
        problem.setProperty("reference", reference);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid("Some fields are invalid", fieldProblems(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldProblem(
                        result.getMethodParameter().getParameterName(),
                        messages.getMessage(error, LocaleContextHolder.getLocale()))))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("Some parameters are invalid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String message = mismatchMessage(e.getValue(), e.getRequiredType());
        return ResponseEntity.badRequest().body(Problems.invalid("Invalid value for " + name,
                List.of(new Problems.FieldProblem(name, message))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(p -> p.getFieldName() != null ? p.getFieldName() : "[" + p.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Object value = mismatch instanceof InvalidFormatException invalid ? invalid.getValue() : null;
            return ResponseEntity.badRequest().body(Problems.invalid("The request body has an invalid value",
                    List.of(new Problems.FieldProblem(field, mismatchMessage(value, mismatch.getTargetType())))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is missing or is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own problem bodies are kept, but never with a message that could name an exception class.
        if (body instanceof ProblemDetail problem && problem.getDetail() != null && problem.getDetail().contains("java.")) {
            problem.setDetail(HttpStatus.valueOf(status.value()).getReasonPhrase());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private List<Problems.FieldProblem> fieldProblems(BindingResult binding) {
        var fields = binding.getFieldErrors().stream().map(this::fieldProblem);
        var globals = binding.getGlobalErrors().stream()
                .map(error -> new Problems.FieldProblem(error.getObjectName(), messages.getMessage(error, LocaleContextHolder.getLocale())));
        return java.util.stream.Stream.concat(fields, globals).toList();
    }

    private Problems.FieldProblem fieldProblem(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
            return new Problems.FieldProblem(error.getField(), mismatchMessage(error.getRejectedValue(), mismatch.getRequiredType()));
        }
        return new Problems.FieldProblem(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
    }

    private static String mismatchMessage(Object value, Class<?> type) {
        String shown = value == null ? "" : " '" + value + "'";
        if (type != null && type.isEnum()) {
            return "Invalid value" + shown + "; expected one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "Invalid value" + shown + "; expected a UUID";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return "Invalid value" + shown + "; expected a number";
        }
        return "Invalid value" + shown;
    }
}
