package org.supportdesk.adapter.http;

import java.util.List;
import java.util.Locale;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * Every stable error code of the API (§11, §17), with its status and its English and Russian titles. The compiler
 * makes every domain {@link ProblemCode} map to one.
 */
public enum ApiCode {
    UNAUTHORIZED(401, "Authentication required", "Необходима авторизация"),
    FORBIDDEN(403, "Forbidden", "Доступ запрещён"),
    NOT_FOUND(404, "Not found", "Не найдено"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "Метод не поддерживается"),
    NOT_ACCEPTABLE(406, "Not acceptable", "Неприемлемый формат ответа"),
    VALIDATION_FAILED(400, "Validation failed", "Ошибка проверки данных"),
    MALFORMED_JSON(400, "Malformed JSON", "Некорректный JSON"),
    NO_CHANGES(400, "No changes", "Нет изменений"),
    INVALID_TRANSITION(409, "Invalid status transition", "Недопустимая смена статуса"),
    TICKET_CLOSED(409, "Ticket closed", "Тикет закрыт"),
    FOLLOW_UP_REQUIRED(409, "Follow-up required", "Требуется новый тикет"),
    CONFLICT(409, "Conflict", "Конфликт"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key reused", "Ключ идемпотентности уже использован"),
    PRECONDITION_FAILED(412, "Precondition failed", "Версия устарела"),
    BAD_REQUEST(400, "Bad request", "Некорректный запрос"),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "Слишком большой запрос"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "Неподдерживаемый тип содержимого"),
    RATE_LIMITED(429, "Too many requests", "Слишком много запросов"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request header fields too large", "Слишком большие заголовки запроса"),
    INTERNAL(500, "Internal error", "Внутренняя ошибка"),
    BAD_GATEWAY(502, "Upstream service unavailable", "Внешний сервис недоступен"),
    SERVICE_UNAVAILABLE(503, "Service unavailable", "Сервис временно недоступен");

    private final int status;
    private final String english;
    private final String russian;

    ApiCode(int status, String english, String russian) {
        this.status = status;
        this.english = english;
        this.russian = russian;
    }

    public int status() {
        return status;
    }

    /** The title in the requested language: Russian when asked for, English otherwise. */
    public String title(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? russian : english;
    }

    /** The URI naming the problem type. */
    public String type() {
        return "https://supportdesk.dev/problems/"
                + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The code of a refusal made below our handlers (by Javalin or Jetty), known only by its status; statuses we never
     * answer on purpose are {@code BAD_REQUEST} for a client error and {@code INTERNAL} for a server one. Jetty's 505
     * (an HTTP version it does not speak, HTTP/0.9 among them) is {@code BAD_REQUEST} too: only what a client sent
     * causes it, and a 5xx would tell monitoring the server failed.
     */
    public static ApiCode forStatus(int status) {
        if (status == 505) {
            return BAD_REQUEST;
        }
        for (ApiCode code : List.of(
                NOT_FOUND,
                METHOD_NOT_ALLOWED,
                PAYLOAD_TOO_LARGE,
                UNSUPPORTED_MEDIA_TYPE,
                RATE_LIMITED,
                REQUEST_HEADER_FIELDS_TOO_LARGE,
                SERVICE_UNAVAILABLE)) {
            if (code.status == status) {
                return code;
            }
        }
        return status < 500 ? BAD_REQUEST : INTERNAL;
    }

    /** The API code of a domain refusal; a switch expression, so a new {@code ProblemCode} does not compile unmapped. */
    public static ApiCode of(ProblemCode code) {
        return switch (code) {
            case NOT_FOUND -> NOT_FOUND;
            case FORBIDDEN -> FORBIDDEN;
            case VALIDATION_FAILED -> VALIDATION_FAILED;
            case NO_CHANGES -> NO_CHANGES;
            case INVALID_TRANSITION -> INVALID_TRANSITION;
            case TICKET_CLOSED -> TICKET_CLOSED;
            case FOLLOW_UP_REQUIRED -> FOLLOW_UP_REQUIRED;
            case CONFLICT -> CONFLICT;
            case IDEMPOTENCY_KEY_REUSED -> IDEMPOTENCY_KEY_REUSED;
            case PRECONDITION_FAILED -> PRECONDITION_FAILED;
            case UNAVAILABLE -> SERVICE_UNAVAILABLE;
            case UPSTREAM_UNAVAILABLE -> BAD_GATEWAY;
            case PAYLOAD_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
        };
    }
}
