package io.betterauth.jakarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What the JAR's {@code web-fragment.xml} declares for every application that has it in {@code WEB-INF/lib}. */
class WebFragmentTest {

    private static Document fragment() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = WebFragmentTest.class.getResourceAsStream("/META-INF/web-fragment.xml")) {
            assertThat(in).isNotNull();
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> texts(Document d, String element) {
        NodeList nodes = d.getElementsByTagNameNS("*", element);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    @Test
    void sessionIdsTravelInCookiesOnly_neverInUrls() throws Exception { // T-04
        Document d = fragment();
        assertThat(texts(d, "session-config")).hasSize(1);
        assertThat(texts(d, "tracking-mode")).containsExactly("COOKIE");
    }

    @Test
    void theSessionFilterRunsForEveryRequest() throws Exception { // T-10: cookies are written before the app runs
        Document d = fragment();
        assertThat(texts(d, "filter-class")).contains(SessionFilter.class.getName());
        assertThat(texts(d, "url-pattern")).containsExactly("/*");
    }
}
