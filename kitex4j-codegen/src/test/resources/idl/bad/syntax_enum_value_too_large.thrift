enum Big {
  HUGE = 4294967296
}
