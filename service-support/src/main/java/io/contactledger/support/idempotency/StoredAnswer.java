package io.contactledger.support.idempotency;

/** The first answer to a request, replayed to its repeats. */
record StoredAnswer(int status, String contentType, byte[] body) {

    /**
     * Which answers are kept. A 5xx changed nothing and a retry may succeed; 408 and 429 say
     * "try again later". Every other answer, refusals included, is the request's outcome.
     */
    static boolean isKept(int status) {
        return status < 500 && status != 408 && status != 429;
    }
}
