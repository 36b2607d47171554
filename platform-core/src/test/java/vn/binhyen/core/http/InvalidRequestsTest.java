package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;

class InvalidRequestsTest {

  @Test
  void each_codec_refusal_has_its_own_status_and_type() {
    assertEquals(414, InvalidRequests.problemFor(new TooLongHttpLineException("line")).status());
    assertEquals("uri-too-long", InvalidRequests.problemFor(new TooLongHttpLineException("line")).slug());
    assertEquals(431, InvalidRequests.problemFor(new TooLongHttpHeaderException("head")).status());
    assertEquals("headers-too-large", InvalidRequests.problemFor(new TooLongHttpHeaderException("head")).slug());
    assertEquals(400, InvalidRequests.problemFor(new StrictRequestDecoder.AmbiguousFraming()).status());
    assertEquals("ambiguous-framing", InvalidRequests.problemFor(new StrictRequestDecoder.AmbiguousFraming()).slug());
    assertEquals("malformed-request", InvalidRequests.problemFor(new IllegalArgumentException("x")).slug());
    assertEquals("malformed-request", InvalidRequests.problemFor(null).slug());
  }

  @Test
  void titles_and_details_are_vietnamese_then_english() {
    for (Throwable t : new Throwable[] {new TooLongHttpLineException("l"), new TooLongHttpHeaderException("h"),
        new StrictRequestDecoder.AmbiguousFraming(), null}) {
      InvalidRequests.Problem p = InvalidRequests.problemFor(t);
      assertTrue(p.title().contains(" / ") && p.detail().contains(" / "), p.toString());
    }
  }
}
