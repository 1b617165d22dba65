/* Stand-in for the Arduino core (tests only): the calls the generated sketch makes, printing to stdout. */
#ifndef STANDIN_ARDUINO_H
#define STANDIN_ARDUINO_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

class StandinSerial {
 public:
    void begin(unsigned long) {}
    void print(const char *s) { fputs(s, stdout); }
    void print(char c) { fputc(c, stdout); }
    void print(int v) { printf("%d", v); }
    void print(unsigned long v) { printf("%lu", v); }
    void print(float v, int digits) { printf("%.*f", digits, (double) v); }
    void println(const char *s) { printf("%s\n", s); }
    void println(int v) { printf("%d\n", v); }
    void println(float v, int digits) { printf("%.*f\n", digits, (double) v); }
};

inline StandinSerial Serial;

inline void delay(unsigned long) {}
inline unsigned long micros() { return 0; }

void setup();
void loop();

#endif
