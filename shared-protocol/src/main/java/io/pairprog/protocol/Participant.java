package io.pairprog.protocol;

/** Someone in a room, as presence shows them: a stable id, a display name and a colour ({@code #rrggbb}). */
public record Participant(String clientId, String name, String color) {
    public Participant {
        Require.clientId("participant", "clientId", clientId);
        Require.name("participant", "name", name);
        Require.present("participant", "color", color);
    }
}
