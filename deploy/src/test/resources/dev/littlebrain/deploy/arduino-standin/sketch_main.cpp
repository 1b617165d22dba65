/* Runs a sketch the way the Arduino core does: setup() once, then loop() (here: once). */
#include <Arduino.h>

int main() {
    setup();
    loop();
    return 0;
}
