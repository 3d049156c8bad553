package io.pairprog.protocol;

/**
 * Someone in a room, as presence shows them: a stable id, a display name, a colour ({@code #rrggbb}) and
 * a role: {@value #EDITOR}, or {@value #VIEWER} for someone who joined through a view-only link.
 */
public record Participant(String clientId, String name, String color, String role) {
    public static final String EDITOR = "editor";
    public static final String VIEWER = "viewer";

    public Participant {
        Require.clientId("participant", "clientId", clientId);
        Require.name("participant", "name", name);
        Require.present("participant", "color", color);
        role = Require.role("participant", "role", role);
    }
}
