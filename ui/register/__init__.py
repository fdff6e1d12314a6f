"""Parts of the dock's register section (ui/register_section.py): finding the register's layers in the
project, the filtered lists, the map tool, the dialogs."""
