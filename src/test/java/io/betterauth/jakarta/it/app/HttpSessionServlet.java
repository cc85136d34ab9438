package io.betterauth.jakarta.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * An application's own {@code HttpSession}, beside the library's cookie: {@code ?put=value} creates a session
 * holding it; every call answers the session's id, the value and how the container would encode a link (a
 * {@code ;jsessionid=} in it would mean URL tracking). Used for T-04 and T-12.
 */
@WebServlet("/test/http-session")
public class HttpSessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String put = request.getParameter("put");
        HttpSession session = request.getSession(put != null);
        if (put != null) {
            session.setAttribute("probe", put);
        }
        String id = session == null ? null : session.getId();
        Object probe = session == null ? null : session.getAttribute("probe");
        response.setContentType("application/json");
        response.getWriter().write("{\"id\":" + quoted(id) + ",\"probe\":" + quoted(probe) + ",\"encoded\":"
                + quoted(response.encodeURL(request.getContextPath() + "/next")) + "}");
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
