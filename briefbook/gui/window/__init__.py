"""The main window and its parts: menus, the section tree, find, import, the road menu."""
