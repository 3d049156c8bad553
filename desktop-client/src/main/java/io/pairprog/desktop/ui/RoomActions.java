package io.pairprog.desktop.ui;

/** What the toolbar and the menus of an editor window can ask it to do. */
interface RoomActions {
    void copyRoomId();

    void copyShareLink();

    void saveAs();

    void rename();

    void toggleTheme();

    /** Back to the start screen. */
    void leave();

    void closeWindow();
}
