console.log('kashif');
