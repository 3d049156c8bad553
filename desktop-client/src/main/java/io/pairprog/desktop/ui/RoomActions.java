package io.pairprog.desktop.ui;

/** What the toolbar and the menus of an editor window can ask it to do. */
interface RoomActions {
    void copyRoomId();

    void copyShareLink();

    /** Copies the room's view-only link (asks the server for its view id first). */
    void copyViewLink();

    /** Opens the history dialog. */
    void history();

    void saveAs();

    void rename();

    void toggleTheme();

    /** Back to the start screen. */
    void leave();

    void closeWindow();
}
