"""The live preview: Qt's PDF view of the real export, when it renders, thumbnails, printing."""
