"""The story's cast: who is who, decided once (stage ``cast``) and read by quotes and events."""
